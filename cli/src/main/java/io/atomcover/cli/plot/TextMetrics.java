package io.atomcover.cli.plot;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;

/**
 * Text sizes for layout, measured with Java 2D's sans-serif font: the PNG draws with it, and the SVG
 * names a sans-serif family of about the same widths, so both get the same layout.
 */
final class TextMetrics {
    static final String FAMILY = Font.SANS_SERIF;
    private static final FontRenderContext CONTEXT = new FontRenderContext(new AffineTransform(), true, true);

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private TextMetrics() {
    }

    static Font font(double size, boolean bold) {
        return new Font(FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    /** Advance width of the text, in pixels. */
    static double width(String text, double size, boolean bold) {
        if (text == null || text.isEmpty()) return 0;
        return font(size, bold).getStringBounds(text, CONTEXT).getWidth();
    }

    /** Distance from the baseline to the middle of digits and capitals: add it to centre text on a y. */
    static double middle(double size) {
        return 0.36 * size;
    }
}
