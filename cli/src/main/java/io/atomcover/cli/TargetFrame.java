package io.atomcover.cli;

import io.atomcover.structure.Dataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame of a target file that {@code -t/--target} names, the same way in {@code select} and
 * {@code learning-curve}: by its name (an info value) or its 0-based index. A file of one frame needs
 * no {@code --target}; a file of several frames without it, or a {@code --target} that names no frame,
 * is refused as bad usage (exit 2) with the frames' names.
 */
final class TargetFrame {
    /** Names listed in a message at most; the rest are counted. */
    private static final int LISTED = 20;

    private TargetFrame() {
    }

    /**
     * @param choice  the value of --target, or null when not given
     * @param nameKey the info key of frame names
     * @return the 0-based frame index
     */
    static int choose(BaseCommand command, Path file, Dataset frames, String choice, String nameKey) {
        int n = frames.size();
        if (choice == null) {
            if (n == 1) return 0;
            throw command.usage(file + " holds " + n + " frames: choose one with --target (" + names(frames, nameKey) + ")");
        }
        for (int i = 0; i < n; i++)
            if (choice.equals(frames.get(i).info().get(nameKey))) return i;
        if (choice.matches("\\d+")) {
            int i;
            try {
                i = Integer.parseInt(choice);
            } catch (NumberFormatException e) {
                i = Integer.MAX_VALUE;
            }
            if (i < n) return i;
            throw command.usage("--target " + choice + " is out of range: " + file + " holds " + n + " frames (0.." + (n - 1) + ")");
        }
        throw command.usage("--target " + choice + ": no frame of " + file + " has " + nameKey + "=" + choice + " (" + names(frames, nameKey) + ")");
    }

    private static String names(Dataset frames, String nameKey) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.min(LISTED, frames.size()); i++) names.add(frames.get(i).info().getOrDefault(nameKey, "#" + i));
        String list = String.join(", ", names);
        return frames.size() > LISTED ? list + ", ... " + (frames.size() - LISTED) + " more" : list;
    }
}
