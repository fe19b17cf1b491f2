package dev.convostore.adapter.postgres;

import dev.convostore.application.contract.AppendContract;
import dev.convostore.application.contract.ConcurrencyContract;
import dev.convostore.application.contract.ContextContract;
import dev.convostore.application.contract.ConversationContract;
import dev.convostore.application.contract.HistoryContract;
import dev.convostore.application.contract.InjectionContract;
import dev.convostore.application.contract.IsolationContract;
import dev.convostore.application.contract.ListingContract;
import dev.convostore.application.contract.RetentionContract;
import dev.convostore.application.contract.SearchContract;
import dev.convostore.application.contract.TransferContract;
import dev.convostore.application.port.out.Storage;
import org.junit.jupiter.api.Nested;

/** The contract suite over a PostgreSQL database the host application's own HikariCP pool connects to. */
class PostgresOverHostDataSourceTest {

  @Nested
  class Append extends AppendContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }

  @Nested
  class Context extends ContextContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }

  @Nested
  class Conversations extends ConversationContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }

  @Nested
  class History extends HistoryContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }

  @Nested
  class Injection extends InjectionContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }

  @Nested
  class Isolation extends IsolationContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }

  @Nested
  class Listing extends ListingContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }

  @Nested
  class Retention extends RetentionContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }

  @Nested
  class Search extends SearchContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }

  @Nested
  class Transfer extends TransferContract {
    @Override
    protected Storage openStorage() {
      return TestPostgres.openOverHostPool();
    }
  }
}
