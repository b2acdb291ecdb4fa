package io.atomcover.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ASE's "@" selections mean what Python's indexing and slicing of a 5-element list give (values from Python 3). */
class FrameSelectionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0", "-1|4", "4|4", "-5|0", ":|0 1 2 3 4", ":2|0 1", "1:|1 2 3 4", "::2|0 2 4", "::-1|4 3 2 1 0",
            "-2:|3 4", "1:-1|1 2 3", "3:1:-1|3 2", "10:|''", "-10:2|0 1", ":10:3|0 3", "4:0:-2|4 2", "2:2|''",
            "-1:-3:-1|4 3", ":-10:-1|4 3 2 1 0"})
    void likePythonOnFiveFrames(String selection, String expected) {
        FrameSelection s = FrameSelection.parse(selection);
        String got = Arrays.stream(s.indices(5)).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        assertEquals(expected, got, selection);
        // reading only framesNeeded() frames of a longer file gives the same answer
        int needed = s.framesNeeded();
        if (needed != Integer.MAX_VALUE && needed < 5)
            assertEquals(expected, Arrays.stream(s.indices(needed)).mapToObj(Integer::toString).collect(Collectors.joining(" ")), selection);
    }

    @Test
    void indexBeyondTheFramesNamesTheCount() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> FrameSelection.parse("5").indices(5));
        assertTrue(e.getMessage().contains("there are 5 frames"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> FrameSelection.parse("-6").indices(5));
        assertThrows(IndexOutOfBoundsException.class, () -> FrameSelection.parse("0").indices(0));
    }

    @Test
    void malformedSelections() {
        for (String bad : new String[]{"x", "1:2:0", "1:2:3:4", "1.5", ":a"})
            assertThrows(IllegalArgumentException.class, () -> FrameSelection.parse(bad), bad);
    }

    @Test
    void allIsRecognised() {
        assertTrue(FrameSelection.parse(":").isAll());
        assertTrue(FrameSelection.parse("::1").isAll());
        assertTrue(FrameSelection.ALL.isAll());
    }
}
