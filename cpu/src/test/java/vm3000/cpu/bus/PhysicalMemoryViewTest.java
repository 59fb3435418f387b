package vm3000.cpu.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A view of RAM is the same words from another physical 0, and every write, through the RAM or
 * any view, reaches each watcher that watches the word, in that watcher's page numbers; one
 * watcher's unwatching leaves the others' watch in place.
 */
class PhysicalMemoryViewTest {
    static final int BASE = 0x4000;

    @ParameterizedTest
    @EnumSource(Endian.class)
    void aView_isTheSameWordsFromItsBase(Endian e) {
        PhysicalMemory ram = new PhysicalMemory(0x10000, e);
        PhysicalMemory view = ram.view(BASE, 0x4000);
        assertEquals(0x4000, view.size());
        view.storeWord(8, 0x11223344);
        assertEquals(0x11223344, ram.loadWord(BASE + 8));
        ram.storeByte(BASE + 13, 0xAB);
        assertEquals(0xAB, view.loadByte(13));
        view.storeHalf(14, 0xCDEF);
        assertEquals(0xCDEF, ram.loadHalf(BASE + 14));
        assertEquals(ram.loadWord(BASE + 12), view.loadWord(12));
        assertEquals(e == Endian.BIG ? 0x1122 : 0x3344, view.loadHalf(8));
        PhysicalMemory inner = view.view(0x1000, 0x1000);
        inner.storeWord(0, 7);
        assertEquals(7, ram.loadWord(BASE + 0x1000));
        assertEquals(false, view.contains(0x4000, 1));
        assertEquals(true, view.contains(0x3FFC, 4));
    }

    @Test
    void clearingAView_clearsOnlyIt() {
        PhysicalMemory ram = new PhysicalMemory(0x10000, Endian.BIG);
        ram.storeWord(BASE - 4, 1);
        ram.storeWord(BASE + 0x4000, 2);
        PhysicalMemory view = ram.view(BASE, 0x4000);
        view.storeWord(0, 3);
        view.clear();
        assertEquals(0, view.loadWord(0));
        assertEquals(1, ram.loadWord(BASE - 4));
        assertEquals(2, ram.loadWord(BASE + 0x4000));
    }

    @Test
    void viewsOutsideTheRamOrOffAPage_areRefused() {
        PhysicalMemory ram = new PhysicalMemory(0x10000, Endian.BIG);
        assertThrows(IllegalArgumentException.class, () -> ram.view(0x100, 0x1000));
        assertThrows(IllegalArgumentException.class, () -> ram.view(0x1000, 0x100));
        assertThrows(IllegalArgumentException.class, () -> ram.view(0xF000, 0x2000));
        assertThrows(IllegalArgumentException.class, () -> ram.view(-0x1000, 0x1000));
    }

    @Test
    void everyWatcherOfAWord_isToldOfWritesThroughAnyOfThem_inItsOwnPages() {
        PhysicalMemory ram = new PhysicalMemory(0x10000, Endian.BIG);
        PhysicalMemory view = ram.view(BASE, 0x4000);
        List<Integer> ramPages = new ArrayList<>();
        List<Integer> viewPages = new ArrayList<>();
        ram.setCodeWatcher(ramPages::add);
        view.setCodeWatcher(viewPages::add);
        ram.watch(BASE + 0x1008, 4);             // the same word, watched by both
        view.watch(0x1008, 4);
        view.watch(0x2000, 4);                   // a word only the view watches

        view.storeWord(0x1008, 1);
        assertEquals(List.of(5), ramPages);
        assertEquals(List.of(1), viewPages);
        ram.storeByte(BASE + 0x2003, 1);
        assertEquals(List.of(5), ramPages, "the RAM's watcher does not watch that word");
        assertEquals(List.of(1, 2), viewPages);
        ram.storeWord(BASE + 0x100C, 1);          // the next word: nobody's
        assertEquals(List.of(1, 2), viewPages);

        ram.unwatchPage(5);                       // the RAM's cache dropped its copy
        view.storeHalf(0x100A, 1);
        assertEquals(List.of(5), ramPages, "unwatched");
        assertEquals(List.of(1, 2, 1), viewPages, "the view still watches the word the RAM's watcher let go");
        view.unwatchPage(1);
        ram.storeWord(BASE + 0x1008, 2);
        assertEquals(List.of(1, 2, 1), viewPages);
    }
}
