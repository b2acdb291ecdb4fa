package io.atomcover.cli.plot;

import io.atomcover.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Charts laid out as a grid in one PNG or SVG file (chosen by the extension), written atomically. */
public final class Figure {
    static {
        // No display is needed (or available on servers) to draw into images.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** Output formats. */
    public enum Format { PNG, SVG }

    private Figure() {
    }

    /** The format named by the file's extension ({@code .png} or {@code .svg}), or null for anything else. */
    public static Format formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) return Format.PNG;
        if (name.endsWith(".svg")) return Format.SVG;
        return null;
    }

    /** Writes the charts in {@code columns} columns, row after row; every cell takes the first chart's size. */
    public static void write(Path target, List<Chart> charts, int columns) throws IOException {
        Format format = formatOf(target);
        if (format == null) throw new IllegalArgumentException("not a .png or .svg name: " + target);
        if (charts.isEmpty()) throw new IllegalArgumentException("no chart to draw");
        int cols = Math.min(columns, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        int cw = charts.get(0).width, ch = charts.get(0).height;
        int width = cols * cw, height = rows * ch;
        if (format == Format.PNG) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            paint(new PngCanvas(g), charts, cols, cw, ch);
            g.dispose();
            AtomicFiles.write(target, out -> {
                if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this Java runtime");
            });
        } else {
            SvgCanvas svg = new SvgCanvas(width, height);
            paint(svg, charts, cols, cw, ch);
            byte[] bytes = svg.document().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(target, out -> out.write(bytes));
        }
    }

    private static void paint(Canvas canvas, List<Chart> charts, int cols, int cw, int ch) {
        for (int i = 0; i < charts.size(); i++) {
            double dx = (i % cols) * cw, dy = (i / cols) * ch;
            canvas.translate(dx, dy);
            ChartPainter.paint(charts.get(i), canvas);
            canvas.translate(-dx, -dy);
        }
    }
}
