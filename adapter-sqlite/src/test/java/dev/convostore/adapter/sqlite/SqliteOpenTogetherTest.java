package dev.convostore.adapter.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.port.out.StoreSettings;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.UserId;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hosts that start together on a new file: one migrates, the others wait for it, all of them open. */
class SqliteOpenTogetherTest {

  private static final int OPENERS = 8;
  /** 50 with -Preliability. */
  private static final int ROUNDS = Integer.getInteger("convostore.test.rounds", 5);

  @Test
  void eightInstancesOpeningOneNewFileAtOnceAllOpenAndWork(@TempDir Path folder) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(OPENERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String url = "jdbc:sqlite:" + folder.resolve("new-" + round + ".db");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Storage>> opened = new ArrayList<>();
        for (int i = 0; i < OPENERS; i++) {
          opened.add(pool.submit(() -> {
            start.await();
            return new SqliteStorageProvider().open(new StoreSettings(url, StoreLimits.DEFAULTS, Map.of()));
          }));
        }
        start.countDown();
        List<Storage> stores = new ArrayList<>();
        for (Future<Storage> future : opened) {
          stores.add(future.get()); // an opener that failed fails the test here, with its error
        }
        for (Storage storage : stores) {
          UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS).conversations().start(StartConversation.by(UserId.of("host")));
        }
        try (Storage check = stores.get(0)) {
          assertEquals(OPENERS, UseCases.over(check, Clock.systemUTC(), StoreLimits.DEFAULTS).conversations()
              .list(dev.convostore.application.port.in.ListConversations.of(UserId.of("host"), 100)).conversations().size(),
              "round " + round);
        }
        stores.subList(1, stores.size()).forEach(Storage::close);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
