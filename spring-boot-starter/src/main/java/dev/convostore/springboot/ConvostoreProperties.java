package dev.convostore.springboot;

import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code convostore.*} keys of {@code application.properties}: the store's configuration
 * (see the configuration reference in {@code docs/configuration.md}), and what the starter adds.
 * A key left out takes convostore's default.
 */
@ConfigurationProperties(prefix = "convostore")
public class ConvostoreProperties {

  /**
   * Where the data lives: jdbc:sqlite:PATH, jdbc:postgresql://..., jdbc:h2:..., or memory:.
   * Without it, the application's DataSource.
   */
  private String url;
  /**
   * Schema the tables go in when the store uses the application's DataSource and its database has
   * schemas (PostgreSQL, H2).
   */
  private String schema = "convostore";
  /** Whether opening the store applies pending migrations. */
  private Boolean migrateOnOpen;
  /** Most connections the store's own pool opens (SQLite: reader connections). */
  private Integer poolSize;
  /** How long a call waits for a connection, in milliseconds. */
  private Integer connectionTimeoutMs;
  /** How long SQLite waits for another process's write lock, in milliseconds. */
  private Integer busyTimeoutMs;
  /** The longest a PostgreSQL statement may run before the server cancels it, in milliseconds. */
  private Integer statementTimeoutMs;
  /** How long H2 waits for a row another transaction holds, in milliseconds. */
  private Integer lockTimeoutMs;
  /** The database user (PostgreSQL, H2), unless the URL names it. */
  private String username;
  /** The database user's password (PostgreSQL, H2), unless the URL holds it. */
  private String password;
  /** Longest message or context item content, in characters. */
  private Integer maxContentLength;
  /** Largest metadata, tool arguments or agent state JSON, in UTF-8 bytes. */
  private Integer maxJsonBytes;
  /** Most messages in one append. */
  private Integer maxBatchSize;
  /**
   * Key listing cursors are signed with (at least 32 characters), shared by the instances that
   * serve each other's cursors.
   */
  private String cursorSecret;
  /** Keys that encrypt message and context content at rest: id:base64-key, comma-separated, the first encrypts. */
  private String contentKeys;
  /** A call that takes longer, in milliseconds, is logged at INFO. */
  private Integer slowCallMs;
  /** The Spring AI chat memory repository, when Spring AI and convostore-spring-ai are on the classpath. */
  private final SpringAi springAi = new SpringAi();

  /** The store's configuration as {@code ConvoStore.open} takes it: the keys that are set. */
  Properties storeProperties() {
    Properties properties = new Properties();
    put(properties, "url", url);
    put(properties, "migrate-on-open", migrateOnOpen);
    put(properties, "pool-size", poolSize);
    put(properties, "connection-timeout-ms", connectionTimeoutMs);
    put(properties, "busy-timeout-ms", busyTimeoutMs);
    put(properties, "statement-timeout-ms", statementTimeoutMs);
    put(properties, "lock-timeout-ms", lockTimeoutMs);
    put(properties, "username", username);
    put(properties, "password", password);
    put(properties, "max-content-length", maxContentLength);
    put(properties, "max-json-bytes", maxJsonBytes);
    put(properties, "max-batch-size", maxBatchSize);
    put(properties, "cursor-secret", cursorSecret);
    put(properties, "content-keys", contentKeys);
    put(properties, "slow-call-ms", slowCallMs);
    return properties;
  }

  private static void put(Properties properties, String key, Object value) {
    if (value != null) {
      properties.setProperty("convostore." + key, value.toString());
    }
  }

  /** The Spring AI chat memory repository's settings. */
  public static class SpringAi {
    /** The user every Spring AI conversation belongs to in convostore. */
    private String user = "spring-ai";
    /** The most messages findByConversationId returns (the latest ones). */
    private int maxMessages = 1000;

    public String getUser() {
      return user;
    }

    public void setUser(String user) {
      this.user = user;
    }

    public int getMaxMessages() {
      return maxMessages;
    }

    public void setMaxMessages(int maxMessages) {
      this.maxMessages = maxMessages;
    }
  }

  public SpringAi getSpringAi() {
    return springAi;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getSchema() {
    return schema;
  }

  public void setSchema(String schema) {
    this.schema = schema;
  }

  public Boolean getMigrateOnOpen() {
    return migrateOnOpen;
  }

  public void setMigrateOnOpen(Boolean migrateOnOpen) {
    this.migrateOnOpen = migrateOnOpen;
  }

  public Integer getPoolSize() {
    return poolSize;
  }

  public void setPoolSize(Integer poolSize) {
    this.poolSize = poolSize;
  }

  public Integer getConnectionTimeoutMs() {
    return connectionTimeoutMs;
  }

  public void setConnectionTimeoutMs(Integer connectionTimeoutMs) {
    this.connectionTimeoutMs = connectionTimeoutMs;
  }

  public Integer getBusyTimeoutMs() {
    return busyTimeoutMs;
  }

  public void setBusyTimeoutMs(Integer busyTimeoutMs) {
    this.busyTimeoutMs = busyTimeoutMs;
  }

  public Integer getStatementTimeoutMs() {
    return statementTimeoutMs;
  }

  public void setStatementTimeoutMs(Integer statementTimeoutMs) {
    this.statementTimeoutMs = statementTimeoutMs;
  }

  public Integer getLockTimeoutMs() {
    return lockTimeoutMs;
  }

  public void setLockTimeoutMs(Integer lockTimeoutMs) {
    this.lockTimeoutMs = lockTimeoutMs;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Integer getMaxContentLength() {
    return maxContentLength;
  }

  public void setMaxContentLength(Integer maxContentLength) {
    this.maxContentLength = maxContentLength;
  }

  public Integer getMaxJsonBytes() {
    return maxJsonBytes;
  }

  public void setMaxJsonBytes(Integer maxJsonBytes) {
    this.maxJsonBytes = maxJsonBytes;
  }

  public Integer getMaxBatchSize() {
    return maxBatchSize;
  }

  public void setMaxBatchSize(Integer maxBatchSize) {
    this.maxBatchSize = maxBatchSize;
  }

  public String getCursorSecret() {
    return cursorSecret;
  }

  public void setCursorSecret(String cursorSecret) {
    this.cursorSecret = cursorSecret;
  }

  public String getContentKeys() {
    return contentKeys;
  }

  public void setContentKeys(String contentKeys) {
    this.contentKeys = contentKeys;
  }

  public Integer getSlowCallMs() {
    return slowCallMs;
  }

  public void setSlowCallMs(Integer slowCallMs) {
    this.slowCallMs = slowCallMs;
  }
}
