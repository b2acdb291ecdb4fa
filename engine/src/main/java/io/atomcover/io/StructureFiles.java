package io.atomcover.io;

import io.atomcover.structure.Dataset;
import io.atomcover.structure.Structure;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one way structures are read: every command and the engine facade come through here. An input
 * ({@link InputSpec}: a file or {@code -}, optionally {@code @SELECTION}) is decompressed when its
 * first bytes are gzip, xz or bzip2, its format is taken from its name or else its first lines
 * ({@link StructureFormat}), it is read by that format's strict reader and the selected frames are
 * returned. Unknown content is "FILE: unsupported format; supported: ...".
 */
public final class StructureFiles {
    /** Bytes looked at to recognise a format by content. */
    private static final int HEAD_BYTES = 1 << 14;

    private StructureFiles() {
    }

    /** Reads an input named as on the command line ({@code FILE}, {@code FILE@SEL}, {@code -}), standard input being {@link System#in}. */
    public static Dataset read(Path input, ReadOptions options) {
        return read(InputSpec.of(input), options, System.in);
    }

    /**
     * Reads the selected frames of an input.
     *
     * @param stdin what {@code -} reads (not closed)
     * @throws InputException for a missing or unreadable file, an unsupported format, malformed
     *                        content (file and line), or a selection beyond the frames
     */
    public static Dataset read(InputSpec spec, ReadOptions options, InputStream stdin) {
        Path name = spec.name();
        InputStream raw = spec.isStdin() ? new FilterInputStream(stdin) {
            @Override
            public void close() {
                // standard input stays open for the rest of the program
            }
        } : open(spec.file());
        CompressedStreams.Codec codec = CompressedStreams.Codec.NONE;
        try (InputStream closing = raw) {
            BufferedInputStream buffered = new BufferedInputStream(closing, 1 << 16);
            codec = CompressedStreams.peekCodec(buffered);
            BufferedInputStream in = new BufferedInputStream(CompressedStreams.decompressed(buffered), 1 << 16);
            StructureFormat format = spec.isStdin() ? null : StructureFormat.byName(CompressedStreams.baseName(spec.file()));
            if (format == null) format = detect(in, name);
            Frames frames = read(format, in, name, options, spec.selection().framesNeeded());
            return select(frames, spec.selection(), name);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            if (cause instanceof CharacterCodingException)
                throw new InputException(name, 0, "not a text file: it has bytes that are not UTF-8"
                        + (codec == CompressedStreams.Codec.NONE ? "" : " once decompressed"), e);
            if (codec != CompressedStreams.Codec.NONE)
                throw new InputException(name, 0, "corrupt or truncated " + codec.suffix().substring(1) + " data: " + cause.getMessage(), e);
            if (e instanceof UncheckedIOException u) throw u;
            throw new UncheckedIOException("cannot read " + name + ": " + cause.getMessage(), cause);
        }
    }

    /**
     * Whether the input is an uncompressed (extended) XYZ file read whole, whose frames can therefore
     * be copied byte for byte ({@link XyzFrames}).
     */
    public static boolean isWholePlainXyz(Path input) {
        InputSpec spec = InputSpec.of(input);
        if (spec.isStdin() || !spec.selection().isAll()) return false;
        try (BufferedInputStream in = new BufferedInputStream(open(spec.file()), 16)) {
            if (CompressedStreams.peekCodec(in) != CompressedStreams.Codec.NONE) return false;
            StructureFormat f = StructureFormat.byName(spec.file().getFileName().toString());
            return f == StructureFormat.EXTXYZ || (f == null && detect(new BufferedInputStream(in, HEAD_BYTES), spec.file()) == StructureFormat.EXTXYZ);
        } catch (IOException e) {
            return false;
        }
    }

    private static InputStream open(Path file) {
        try {
            if (Files.isDirectory(file)) throw new InputException(file, 0, "is a folder, expected a file");
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException(file, 0, "permission denied", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The format shown by the first lines of a (decompressed, buffered) stream, left unread. */
    private static StructureFormat detect(BufferedInputStream in, Path name) throws IOException {
        in.mark(HEAD_BYTES);
        byte[] head = in.readNBytes(HEAD_BYTES);
        in.reset();
        if (head.length == 0) throw new InputException(name, 0, "empty input");
        String text = new String(head, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        // the last line may have been cut by the byte limit
        if (head.length == HEAD_BYTES && !lines.isEmpty()) lines.remove(lines.size() - 1);
        StructureFormat f = text.indexOf('\0') >= 0 ? null : StructureFormat.byContent(lines);
        if (f == null) throw new InputException(name, 0, "unsupported format; supported: " + StructureFormat.SUPPORTED);
        return f;
    }

    /** Frames as read, with the line where each starts ({@code lines} null: unknown). */
    private record Frames(List<Structure> structures, long[] lines) {
        static Frames unknownLines(List<Structure> structures) {
            return new Frames(structures, null);
        }
    }

    private static Frames read(StructureFormat format, InputStream in, Path name, ReadOptions options, int needed) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        return switch (format) {
            case EXTXYZ -> {
                ExtXyzReader r = new ExtXyzReader(reader, name);
                List<Structure> frames = new ArrayList<>();
                long[] lines = new long[16];
                while (frames.size() < needed && r.hasNext()) {
                    frames.add(r.next());
                    if (frames.size() > lines.length) lines = Arrays.copyOf(lines, 2 * lines.length);
                    lines[frames.size() - 1] = r.frameLine();
                }
                yield new Frames(frames, Arrays.copyOf(lines, frames.size()));
            }
            // these readers do not record where frames start (and their frames are not laid out as XYZ)
            case POSCAR -> Frames.unknownLines(PoscarReader.read(new TextLines(reader, name), options));
            case OUTCAR -> Frames.unknownLines(OutcarReader.read(new TextLines(reader, name)));
            case VASPRUN -> Frames.unknownLines(VasprunReader.read(reader, name));
            case LAMMPS_DUMP -> Frames.unknownLines(LammpsDumpReader.read(new TextLines(reader, name), options));
            case LAMMPS_DATA -> Frames.unknownLines(LammpsDataReader.read(new TextLines(reader, name), options));
        };
    }

    /** The selected frames as a dataset, each keeping the line where it starts in the input. */
    private static Dataset select(Frames frames, FrameSelection selection, Path name) {
        List<Structure> all = frames.structures();
        if (selection.isAll()) return new Dataset(name, all, frames.lines());
        int[] idx;
        try {
            idx = selection.indices(all.size());
        } catch (IndexOutOfBoundsException e) {
            throw new InputException(name, 0, "@" + selection + ": " + e.getMessage());
        }
        List<Structure> out = new ArrayList<>(idx.length);
        long[] lines = frames.lines() == null ? null : new long[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out.add(all.get(idx[k]));
            if (lines != null) lines[k] = frames.lines()[idx[k]];
        }
        return new Dataset(name, out, lines);
    }
}
