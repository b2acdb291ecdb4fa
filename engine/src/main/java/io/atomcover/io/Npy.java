package io.atomcover.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0).
 *
 * <p>Writing produces float64 little-endian C-order arrays with exactly the header NumPy itself writes
 * (dict keys sorted, spare spaces after the shape for in-place growth, padded with spaces and a newline
 * so that the data starts at a multiple of 64 bytes), through {@link AtomicFiles}.
 *
 * <p>Reading accepts float ({@code f2 f4 f8}), signed and unsigned integer ({@code i1..i8}, {@code u1..u8})
 * and boolean ({@code b1}) dtypes in either byte order and C or Fortran order, converting to doubles
 * in C order. Other dtypes (object, string, structured, complex) are rejected with an
 * {@link InputException} (line 0).
 */
public final class Npy {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** NumPy leaves room for the growth axis to reach this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final int CHUNK = 1 << 16;

    private Npy() {
    }

    /** Writes a rows × cols float64 array (C order, little-endian), atomically. */
    public static void write(Path file, double[] data, int rows, int cols) throws IOException {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        write(file, data, new long[]{rows, cols});
    }

    /** Writes a float64 array of any shape (C order, little-endian), atomically. */
    public static void write(Path file, double[] data, long[] shape) throws IOException {
        checkShape(data, shape);
        AtomicFiles.write(file, out -> writeTo(out, data, shape));
    }

    /** Writes header and data of a float64 array to a stream (not closed). */
    public static void writeTo(OutputStream out, double[] data, long[] shape) throws IOException {
        checkShape(data, shape);
        out.write(header("<f8", false, shape));
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < data.length; ) {
            buf.clear();
            int n = Math.min(CHUNK / 8, data.length - i);
            buf.asDoubleBuffer().put(data, i, n);
            out.write(buf.array(), 0, n * 8);
            i += n;
        }
    }

    private static void checkShape(double[] data, long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension " + d);
            n *= d;
        }
        if (n != data.length) throw new IllegalArgumentException("shape needs " + n + " values, data has " + data.length);
    }

    /** The complete header (magic, version, length, dict, padding) NumPy writes for such an array. */
    static byte[] header(String descr, boolean fortranOrder, long[] shape) {
        StringBuilder d = new StringBuilder();
        d.append("{'descr': '").append(descr).append("', 'fortran_order': ").append(fortranOrder ? "True" : "False")
                .append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) d.append(", ");
            d.append(shape[i]);
        }
        if (shape.length == 1) d.append(',');
        d.append("), }");
        if (shape.length > 0) {
            long growth = shape[fortranOrder ? shape.length - 1 : 0];
            d.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(growth).length())));
        }
        int hlen = d.length() + 1;
        // like NumPy: version 1.0 (16-bit header length) unless the padded header does not fit
        int version = 1;
        int prefix = MAGIC.length + 2 + 2;
        int pad = ALIGN - ((prefix + hlen) % ALIGN);
        if (hlen + pad > 0xFFFF) {
            version = 2;
            prefix = MAGIC.length + 2 + 4;
            pad = ALIGN - ((prefix + hlen) % ALIGN);
        }
        d.append(" ".repeat(pad)).append('\n');
        byte[] text = d.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(prefix + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) b.putShort((short) text.length);
        else b.putInt(text.length);
        b.put(text);
        return b.array();
    }

    /** Reads a {@code .npy} file. */
    public static NpyArray read(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            NpyArray a = readFrom(in, file, "", false);
            if (in.read() >= 0) throw new InputException(file, 0, "unexpected bytes after the array data");
            return a;
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "no such file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one array from a stream. {@code what} prefixes error messages (an npz entry name, say);
     * with {@code skipObjects} an object-dtype (pickled) array gives null instead of an error.
     */
    static NpyArray readFrom(InputStream in, Path file, String what, boolean skipObjects) {
        try {
            return readArray(in, file, what, skipObjects);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static NpyArray readArray(InputStream in, Path file, String what, boolean skipObjects) throws IOException {
        byte[] pre = new byte[8];
        int got = readFully(in, pre, 0, 8);
        for (int i = 0; i < MAGIC.length; i++)
            if (got <= i || pre[i] != MAGIC[i]) throw new InputException(file, 0, what + "bad magic: not a .npy file");
        if (got < 8) throw new InputException(file, 0, what + "truncated header");
        int major = pre[6] & 0xFF, minor = pre[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0)
            throw new InputException(file, 0, what + "unsupported .npy format version " + major + "." + minor);
        int lenBytes = major == 1 ? 2 : 4;
        byte[] lb = new byte[lenBytes];
        if (readFully(in, lb, 0, lenBytes) < lenBytes) throw new InputException(file, 0, what + "truncated header");
        ByteBuffer lbb = ByteBuffer.wrap(lb).order(ByteOrder.LITTLE_ENDIAN);
        long hlen = major == 1 ? (lbb.getShort() & 0xFFFF) : (lbb.getInt() & 0xFFFFFFFFL);
        if (hlen > 1 << 24) throw new InputException(file, 0, what + "implausible header length " + hlen);
        byte[] hb = new byte[(int) hlen];
        if (readFully(in, hb, 0, hb.length) < hb.length) throw new InputException(file, 0, what + "truncated header");
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        Map<String, Object> dict;
        try {
            Object o = new Literal(header).parseTop();
            if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException("header is not a dict");
            @SuppressWarnings("unchecked") Map<String, Object> mm = (Map<String, Object>) m;
            dict = mm;
        } catch (IllegalArgumentException e) {
            throw new InputException(file, 0, what + "malformed header: " + e.getMessage());
        }
        Object descrO = dict.get("descr"), fortranO = dict.get("fortran_order"), shapeO = dict.get("shape");
        if (!(fortranO instanceof Boolean fortran)) throw new InputException(file, 0, what + "header lacks fortran_order");
        if (!(shapeO instanceof List<?> shapeL)) throw new InputException(file, 0, what + "header lacks a shape tuple");
        if (descrO == null) throw new InputException(file, 0, what + "header lacks descr");
        if (!(descrO instanceof String descr)) throw new InputException(file, 0, what + "unsupported dtype " + descrO + " (structured)");

        long[] shape = new long[shapeL.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeL.get(i) instanceof Long d) || d < 0) throw new InputException(file, 0, what + "bad shape " + shapeO);
            shape[i] = d;
            count = d != 0 && count > Long.MAX_VALUE / d ? Long.MAX_VALUE : count * d;
        }
        Dtype dt = Dtype.parse(descr);
        if (dt == null) {
            if (skipObjects && isObject(descr)) return null;
            throw new InputException(file, 0, what + "unsupported dtype '" + descr + "'"
                    + (isObject(descr) ? " (pickled Python objects)" : ""));
        }
        if (count > Integer.MAX_VALUE - 8) throw new InputException(file, 0, what + "array too large (" + count + " values)");
        double[] data = new double[(int) count];
        readData(in, dt, data, file, what);
        if (fortran && shape.length > 1) data = fortranToC(data, shape);
        return new NpyArray(shape, data);
    }

    private static boolean isObject(String descr) {
        return descr.equals("|O") || descr.equals("O") || descr.equals("<O") || descr.equals(">O") || descr.equals("=O");
    }

    private static void readData(InputStream in, Dtype dt, double[] out, Path file, String what) throws IOException {
        int size = dt.size;
        long total = (long) out.length * size;
        byte[] buf = new byte[Math.max(size, CHUNK - CHUNK % size)];
        ByteBuffer bb = ByteBuffer.wrap(buf).order(dt.order);
        int done = 0;
        while (done < out.length) {
            int n = Math.min(buf.length / size, out.length - done);
            int want = n * size;
            int got = readFully(in, buf, 0, want);
            if (got < want) {
                long have = (long) done * size + got;
                throw new InputException(file, 0, what + "truncated data: expected " + total + " bytes, found " + have);
            }
            bb.clear();
            for (int i = 0; i < n; i++) out[done + i] = dt.get(bb, i * size);
            done += n;
        }
    }

    private static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int r;
            try {
                r = in.read(b, off + total, len - total);
            } catch (EOFException e) {
                break;
            }
            if (r < 0) break;
            total += r;
        }
        return total;
    }

    /** Reorders column-major data to row-major. */
    static double[] fortranToC(double[] f, long[] shape) {
        int nd = shape.length;
        int[] dims = new int[nd];
        for (int i = 0; i < nd; i++) dims[i] = (int) shape[i];
        long[] cStride = new long[nd];
        long s = 1;
        for (int i = nd - 1; i >= 0; i--) {
            cStride[i] = s;
            s *= dims[i];
        }
        double[] c = new double[f.length];
        int[] idx = new int[nd];
        long cOff = 0;
        for (int k = 0; k < f.length; k++) {
            c[(int) cOff] = f[k];
            // advance the multi-index, first axis fastest (Fortran order)
            for (int ax = 0; ax < nd; ax++) {
                idx[ax]++;
                cOff += cStride[ax];
                if (idx[ax] < dims[ax]) break;
                cOff -= cStride[ax] * dims[ax];
                idx[ax] = 0;
            }
        }
        return c;
    }

    /** Element types that convert to double. */
    private record Dtype(char kind, int size, ByteOrder order) {
        static Dtype parse(String descr) {
            if (descr.length() < 2) return null;
            char bo = descr.charAt(0);
            int start = 1;
            ByteOrder order;
            switch (bo) {
                case '<' -> order = ByteOrder.LITTLE_ENDIAN;
                case '>' -> order = ByteOrder.BIG_ENDIAN;
                case '=' -> order = ByteOrder.nativeOrder();
                case '|' -> order = ByteOrder.LITTLE_ENDIAN;
                default -> {
                    order = ByteOrder.nativeOrder();
                    start = 0;
                }
            }
            if (descr.length() < start + 2) return null;
            char kind = descr.charAt(start);
            int size;
            try {
                size = Integer.parseInt(descr.substring(start + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            boolean ok = switch (kind) {
                case 'f' -> size == 2 || size == 4 || size == 8;
                case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
                case 'b' -> size == 1;
                default -> false;
            };
            return ok ? new Dtype(kind, size, order) : null;
        }

        double get(ByteBuffer b, int at) {
            return switch (kind) {
                case 'f' -> switch (size) {
                    case 8 -> b.getDouble(at);
                    case 4 -> b.getFloat(at);
                    default -> halfToDouble(b.getShort(at));
                };
                case 'i' -> switch (size) {
                    case 8 -> b.getLong(at);
                    case 4 -> b.getInt(at);
                    case 2 -> b.getShort(at);
                    default -> b.get(at);
                };
                case 'u' -> switch (size) {
                    case 8 -> unsignedLong(b.getLong(at));
                    case 4 -> b.getInt(at) & 0xFFFFFFFFL;
                    case 2 -> b.getShort(at) & 0xFFFF;
                    default -> b.get(at) & 0xFF;
                };
                default -> b.get(at) != 0 ? 1.0 : 0.0;
            };
        }

        private static double unsignedLong(long v) {
            return v >= 0 ? v : ((double) (v >>> 1)) * 2.0 + (v & 1);
        }

        private static double halfToDouble(short h) {
            int bits = h & 0xFFFF;
            int sign = (bits >>> 15) != 0 ? -1 : 1;
            int exp = (bits >>> 10) & 0x1F;
            int mant = bits & 0x3FF;
            if (exp == 0) return sign * Math.scalb((double) mant, -24);
            if (exp == 31) return mant == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
            return sign * Math.scalb(1024.0 + mant, exp - 25);
        }
    }

    /** Parser for the Python literal in an .npy header: dicts, strings, True/False/None, ints, tuples, lists. */
    private static final class Literal {
        private final String s;
        private int i;

        Literal(String s) {
            this.s = s;
        }

        Object parseTop() {
            Object o = value();
            skip();
            if (i != s.length()) throw new IllegalArgumentException("unexpected '" + s.charAt(i) + "' after the dict");
            return o;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        private char peek() {
            skip();
            if (i >= s.length()) throw new IllegalArgumentException("header ends early");
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) throw new IllegalArgumentException("expected '" + c + "' at offset " + i);
            i++;
        }

        private Object value() {
            char c = peek();
            if (c == '{') return dict();
            if (c == '(') return sequence(')');
            if (c == '[') return sequence(']');
            if (c == '\'' || c == '"') return string();
            if (c == '-' || Character.isDigit(c)) return integer();
            if (s.startsWith("True", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("None", i)) {
                i += 4;
                return "None";
            }
            throw new IllegalArgumentException("unexpected '" + c + "' at offset " + i);
        }

        private Map<String, Object> dict() {
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            while (peek() != '}') {
                Object k = value();
                if (!(k instanceof String key)) throw new IllegalArgumentException("dict key is not a string");
                expect(':');
                m.put(key, value());
                if (peek() == ',') i++;
                else if (peek() != '}') throw new IllegalArgumentException("expected ',' or '}' at offset " + i);
            }
            i++;
            return m;
        }

        private List<Object> sequence(char close) {
            i++;
            List<Object> out = new ArrayList<>();
            while (peek() != close) {
                out.add(value());
                if (peek() == ',') i++;
                else if (peek() != close) throw new IllegalArgumentException("expected ',' or '" + close + "' at offset " + i);
            }
            i++;
            return out;
        }

        private String string() {
            char q = s.charAt(i++);
            StringBuilder b = new StringBuilder();
            while (i < s.length() && s.charAt(i) != q) {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) i++;
                b.append(s.charAt(i++));
            }
            if (i >= s.length()) throw new IllegalArgumentException("unterminated string");
            i++;
            return b.toString();
        }

        private Long integer() {
            int start = i;
            if (s.charAt(i) == '-') i++;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            try {
                long v = Long.parseLong(s.substring(start, i));
                if (i < s.length() && (s.charAt(i) == 'L' || s.charAt(i) == 'l')) i++; // Python 2 long
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad integer at offset " + start);
            }
        }
    }
}
