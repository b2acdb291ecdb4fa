package io.atomcover.io;

/**
 * Which frames of a file to take, written as ASE writes it after {@code @}: an index {@code i}
 * (negative counts from the end) or a slice {@code start:stop:step} with Python's meaning (any part
 * may be left out; bounds beyond the file are clipped; a negative step goes backwards).
 */
public final class FrameSelection {
    /** Every frame. */
    public static final FrameSelection ALL = new FrameSelection(null, null, null, false, "");

    private final Integer start, stop, step;
    private final boolean single;
    private final String text;

    private FrameSelection(Integer start, Integer stop, Integer step, boolean single, String text) {
        this.start = start;
        this.stop = stop;
        this.step = step;
        this.single = single;
        this.text = text;
    }

    /**
     * Parses what follows the {@code @}.
     *
     * @throws IllegalArgumentException when it is neither an index nor a slice, or the step is 0
     */
    public static FrameSelection parse(String text) {
        String t = text.strip();
        if (!t.contains(":")) return new FrameSelection(number(t, text, "index"), null, null, true, text);
        String[] parts = t.split(":", -1);
        if (parts.length > 3) throw new IllegalArgumentException("'" + text + "' is not an index or start:stop:step");
        Integer a = optional(parts[0], text), b = optional(parts[1], text), c = parts.length == 3 ? optional(parts[2], text) : null;
        if (c != null && c == 0) throw new IllegalArgumentException("'" + text + "': slice step cannot be zero");
        return new FrameSelection(a, b, c, false, text);
    }

    private static Integer optional(String s, String text) {
        return s.isBlank() ? null : number(s.strip(), text, "slice bound");
    }

    private static int number(String s, String text, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': " + what + " '" + s + "' is not a whole number");
        }
    }

    /** True when every frame is taken in order. */
    public boolean isAll() {
        return !single && start == null && stop == null && (step == null || step == 1);
    }

    /** A single index rather than a slice (ASE then returns one structure). */
    public boolean isSingle() {
        return single;
    }

    /**
     * The frames needed from the start of the file to answer the selection without knowing the total,
     * or {@link Integer#MAX_VALUE} when the end must be reached (negative bounds, backward steps).
     */
    public int framesNeeded() {
        if (single) return start >= 0 ? start + 1 : Integer.MAX_VALUE;
        int st = step == null ? 1 : step;
        if (st < 0 || (start != null && start < 0) || stop == null || stop < 0) return Integer.MAX_VALUE;
        return stop;
    }

    /**
     * The chosen frame indices among {@code n} frames, in order.
     *
     * @throws IndexOutOfBoundsException for an index outside the file (a message names the count)
     */
    public int[] indices(int n) {
        if (single) {
            int i = start < 0 ? start + n : start;
            if (i < 0 || i >= n)
                throw new IndexOutOfBoundsException("frame " + start + " does not exist: there are " + n + " frames (0 to " + (n - 1)
                        + ", or -" + n + " to -1)");
            return new int[]{i};
        }
        int st = step == null ? 1 : step;
        int lo, hi;
        if (st > 0) {
            lo = start == null ? 0 : clip(start, n, 0, n);
            hi = stop == null ? n : clip(stop, n, 0, n);
        } else {
            lo = start == null ? n - 1 : clip(start, n, -1, n - 1);
            hi = stop == null ? -1 : clip(stop, n, -1, n - 1);
        }
        int count = st > 0 ? (hi > lo ? (hi - lo + st - 1) / st : 0) : (lo > hi ? (lo - hi + (-st) - 1) / (-st) : 0);
        int[] out = new int[count];
        for (int k = 0; k < count; k++) out[k] = lo + k * st;
        return out;
    }

    /** Python's slice.indices: negative values count from the end, then clipped to [min, max]. */
    private static int clip(int v, int n, int min, int max) {
        long x = v < 0 ? (long) v + n : v;
        return (int) Math.max(min, Math.min(max, x));
    }

    @Override
    public String toString() {
        return text;
    }
}
