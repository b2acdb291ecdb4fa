package io.atomcover.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately separate .npy parser for the tests (NumPy format 1.0/2.0/3.0, little-endian float64,
 * C order), so that what the CLI writes is checked against the format, not against our own writer.
 */
record NpyFile(int[] shape, double[] data) {
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    static NpyFile read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        if (!Arrays.equals(magic, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'})) throw new IOException("not a .npy file");
        int major = b.get();
        b.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort()) : b.getInt();
        byte[] header = new byte[headerLength];
        b.get(header);
        String h = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (!h.contains("'descr': '<f8'")) throw new IOException("not little-endian float64: " + h);
        if (!h.contains("'fortran_order': False")) throw new IOException("not C order: " + h);
        if (b.position() % 16 != 0) throw new IOException("data not 16-byte aligned: " + b.position());
        Matcher m = SHAPE.matcher(h);
        if (!m.find()) throw new IOException("no shape: " + h);
        int[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        long count = 1;
        for (int s : shape) count *= s;
        if (b.remaining() != count * 8) throw new IOException("expected " + count + " values, found " + b.remaining() / 8.0);
        double[] data = new double[(int) count];
        b.asDoubleBuffer().get(data);
        return new NpyFile(shape, data);
    }
}
