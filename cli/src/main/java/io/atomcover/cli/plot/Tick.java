package io.atomcover.cli.plot;

/**
 * A tick of an axis: its value and its label, or a minor tick (a short mark, no label or grid line)
 * when the label is null.
 */
public record Tick(double value, String label) {
    /** Whether the tick carries a label. */
    public boolean major() {
        return label != null;
    }
}
