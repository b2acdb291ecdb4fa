package io.atomcover.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Checks that plot files are real images. */
final class PlotFiles {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PlotFiles() {
    }

    /** A PNG that decodes, at least {@code minWidth} x {@code minHeight}, and not one flat colour. */
    static void assertPng(Path file, int minWidth, int minHeight) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8), file + " starts with the PNG signature");
        BufferedImage img = ImageIO.read(file.toFile());
        assertNotNull(img, file + " decodes");
        assertTrue(img.getWidth() >= minWidth && img.getHeight() >= minHeight, file + " is " + img.getWidth() + "x" + img.getHeight());
        int first = img.getRGB(0, 0);
        long differing = 0;
        for (int y = 0; y < img.getHeight(); y += 4)
            for (int x = 0; x < img.getWidth(); x += 4)
                if (img.getRGB(x, y) != first) differing++;
        assertTrue(differing > 100, file + " has something drawn on it");
    }

    /** Well-formed XML whose root is an {@code <svg>} element with drawn paths, a size and its words as text elements. */
    static void assertSvg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // The file names the SVG 1.1 DTD; do not fetch it.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName(), file + " root element");
        assertTrue(doc.getDocumentElement().getAttribute("viewBox").length() > 0, file + " has a viewBox");
        assertTrue(doc.getElementsByTagNameNS("*", "path").getLength() > 10, file + " has drawn paths");
        assertTrue(doc.getElementsByTagNameNS("*", "text").getLength() > 10, file + " has its titles and tick labels as text");
    }
}
