package io.atomcover.ilpselect.experiment;

import io.atomcover.structure.Structure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints of inputs, so that a stored result is only reused for the same inputs. */
public final class Digests {
    private Digests() {
    }

    /** Of a file's bytes. */
    public static String file(Path file) throws IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Of a molecule: its symbols and positions, and the energy given. */
    public static String molecule(Structure s, double energy) {
        StringBuilder b = new StringBuilder();
        for (int a = 0; a < s.size(); a++)
            b.append(s.symbol(a)).append(' ').append(s.positions()[3 * a]).append(' ').append(s.positions()[3 * a + 1])
                    .append(' ').append(s.positions()[3 * a + 2]).append('\n');
        b.append(energy);
        return text(b.toString());
    }

    /** Of a list of indices (a ranking). */
    public static String indices(int[] values) {
        StringBuilder b = new StringBuilder();
        for (int v : values) b.append(v).append(',');
        return text(b.toString());
    }

    private static String text(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java runtime", e);
        }
    }
}
