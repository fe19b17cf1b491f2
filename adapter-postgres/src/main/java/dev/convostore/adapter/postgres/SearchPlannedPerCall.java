package dev.convostore.adapter.postgres;

import java.sql.Connection;
import java.sql.Statement;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.postgresql.PGStatement;

/**
 * Has PostgreSQL plan each search for the call's own values. After a few calls the driver keeps a
 * statement prepared on the server, whose plan PostgreSQL may then make generic: estimated for an
 * average user, it intersects the owner's index with the word index and sorts every match, which
 * for a user with many messages costs tens of milliseconds where reading the owner's newest
 * messages until enough match costs one. How many messages the user has and how common the words
 * are decide the plan, so it is made per call.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
final class SearchPlannedPerCall implements Interceptor {

  /** Only searches match a text search vector; the statement's text tells, without reflection on every prepare. */
  private static final String TEXT_MATCH = "@@";

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Statement statement = (Statement) invocation.proceed();
    if (((StatementHandler) invocation.getTarget()).getBoundSql().getSql().contains(TEXT_MATCH)) {
      statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
    return statement;
  }
}
