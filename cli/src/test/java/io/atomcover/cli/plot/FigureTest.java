package io.atomcover.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** PNG and SVG files: the SVG's words are text elements, not outlines. */
class FigureTest {
    @TempDir
    Path tmp;

    private static Chart learningCurve() {
        Chart c = new Chart("Learning curves: sildenafil", 800, 600);
        c.x().title("training set size N (molecules)").log().counts();
        c.y().title("MAE (kcal/mol)").log();
        double[] n = {16, 32, 64, 128, 256, 512, 1024};
        c.add(new Series("ilp", n, new double[] {40, 30, 21, 14, 9, 6, 4})).color(new Color(0x1f77b4));
        c.add(new Series("random & co <2>", n, new double[] {60, 45, 33, 25, 18, 13, 9})).color(new Color(0xd62728))
                .errors(new double[] {5, 4, 3, 3, 2, 2, 1});
        return c;
    }

    private static Document xml(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    @Test
    void svgCarriesItsLabelsAsText() throws Exception {
        Path svg = tmp.resolve("lc.svg");
        Figure.write(svg, List.of(learningCurve()), 1);
        Document doc = xml(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) words.add(texts.item(i).getTextContent());
        assertTrue(words.containsAll(List.of("Learning curves: sildenafil", "training set size N (molecules)", "MAE (kcal/mol)", "ilp",
                "random & co <2>", "100", "1000", "20", "50")), words::toString);
        long size = Files.size(svg);
        assertTrue(size < 40_000, "a small file: " + size + " bytes");
        String body = Files.readString(svg);
        assertTrue(body.contains("rotate(-90"), "the y title reads upwards");
    }

    @Test
    void gridOfPanelsAsPng() throws Exception {
        Path png = tmp.resolve("grid.png");
        Chart a = learningCurve();
        Figure.write(png, List.of(a, learningCurve(), learningCurve()), 2);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1600, img.getWidth());
        assertEquals(1200, img.getHeight());
        // The empty fourth cell stays white; the first holds the drawing.
        assertEquals(Color.WHITE.getRGB(), img.getRGB(1200, 900));
        long dark = 0;
        for (int y = 0; y < 600; y += 2)
            for (int x = 0; x < 800; x += 2)
                if ((img.getRGB(x, y) & 0xff) < 128) dark++;
        assertTrue(dark > 500, "something is drawn: " + dark);
    }

    @Test
    void onlyPngAndSvgNames() {
        assertEquals(Figure.Format.PNG, Figure.formatOf(Path.of("a.PNG")));
        assertEquals(Figure.Format.SVG, Figure.formatOf(Path.of("a.svg")));
        assertEquals(null, Figure.formatOf(Path.of("a.pdf")));
    }
}
