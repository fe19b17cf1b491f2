package dev.convostore.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convostore.application.StoreLimits;
import dev.convostore.application.port.in.ListConversations;
import dev.convostore.application.port.in.StartConversation;
import dev.convostore.application.port.out.Storage;
import dev.convostore.application.service.UseCases;
import dev.convostore.domain.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Hosts that start together on a new schema: one migrates, the others wait for it, all of them open. */
class PostgresOpenTogetherTest {

  private static final int OPENERS = 8;
  /** 50 with -Preliability. */
  private static final int ROUNDS = Integer.getInteger("convostore.test.rounds", 5);

  @Test
  void eightInstancesOpeningOneNewSchemaAtOnceAllOpenAndWork() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(OPENERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        // Not created beforehand: the openers create the schema too.
        String schema = "together_" + UUID.randomUUID().toString().replace("-", "");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Storage>> opened = new ArrayList<>();
        for (int i = 0; i < OPENERS; i++) {
          opened.add(pool.submit(() -> {
            start.await();
            return TestPostgres.openIn(schema, Map.of("convostore.pool-size", "1"));
          }));
        }
        start.countDown();
        List<Storage> stores = new ArrayList<>();
        try {
          for (Future<Storage> future : opened) {
            stores.add(future.get()); // an opener that failed fails the test here, with its error
          }
          for (Storage storage : stores) {
            UseCases.over(storage, Clock.systemUTC(), StoreLimits.DEFAULTS).conversations()
                .start(StartConversation.by(UserId.of("host")));
          }
          assertEquals(OPENERS, UseCases.over(stores.get(0), Clock.systemUTC(), StoreLimits.DEFAULTS).conversations()
              .list(ListConversations.of(UserId.of("host"), 100)).conversations().size(), "round " + round);
        } finally {
          stores.forEach(Storage::close);
          TestPostgres.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
