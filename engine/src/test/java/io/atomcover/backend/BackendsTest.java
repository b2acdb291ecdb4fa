package io.atomcover.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atomcover.backend.cpu.CpuKdeBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {
    @Test
    void cpuIsAlwaysThere() {
        try (KdeBackend b = Backends.open("cpu", BackendRequest.cpu(2), msg -> { })) {
            assertTrue(b instanceof CpuKdeBackend);
            assertEquals("cpu(2)", b.name());
        }
    }

    @Test
    void autoWithoutGpuGivesCpuSilently() {
        // The engine module alone registers no provider, so auto has no GPU to take.
        List<String> warnings = new ArrayList<>();
        try (KdeBackend b = Backends.open("auto", BackendRequest.cpu(1), warnings::add)) {
            assertTrue(b instanceof CpuKdeBackend);
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void unknownBackendNamesTheChoices() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> Backends.open("cuda", BackendRequest.cpu(1), msg -> { }));
        assertTrue(e.getMessage().contains("'cuda'") && e.getMessage().contains("auto, cpu"), e.getMessage());
    }
}
