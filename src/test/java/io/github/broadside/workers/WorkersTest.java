package io.github.broadside.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void resultsComeInTheOrderOfTheJobsWhateverFinishesFirst() throws IOException {
        List<Callable<Integer>> jobs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            jobs.add(() -> {
                Thread.sleep((20 - n) % 7); // later jobs tend to finish first
                return n;
            });
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i);
        }
        assertThat(Workers.call(jobs, 4)).isEqualTo(expected);
    }

    @Test
    void severalThreadsWorkAtOnceAndOneThreadIsTheCaller() throws IOException {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Supplier<String>> jobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            jobs.add(() -> {
                threads.add(Thread.currentThread().getName());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "";
            });
        }
        Workers.get(jobs, 4);
        assertThat(threads).hasSizeGreaterThan(1).doesNotContain(Thread.currentThread().getName());
        threads.clear();
        Workers.get(jobs, 1);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aJobsFailureIsThrownAsItWas() {
        List<Callable<String>> jobs = List.of(() -> "fine", () -> {
            throw new IOException("disk gone");
        });
        assertThatThrownBy(() -> Workers.call(jobs, 2)).isInstanceOf(IOException.class).hasMessage("disk gone");
        List<Supplier<String>> broken = List.of(() -> "fine", () -> {
            throw new IllegalArgumentException("bad");
        });
        assertThatThrownBy(() -> Workers.get(broken, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad");
    }
}
