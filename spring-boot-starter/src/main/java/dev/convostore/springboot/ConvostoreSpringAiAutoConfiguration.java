package dev.convostore.springboot;

import dev.convostore.bootstrap.ConvoStore;
import dev.convostore.domain.UserId;
import dev.convostore.integration.springai.ConvostoreChatMemoryRepository;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With Spring AI and {@code convostore-spring-ai} on the classpath and a {@link ConvoStore} bean:
 * a {@link ConvostoreChatMemoryRepository} on the store, in place of Spring AI's in-memory {@link
 * ChatMemoryRepository} (so Spring AI's auto-configured chat memory keeps its history in
 * convostore). Its conversations belong to {@code convostore.spring-ai.user}.
 */
@AutoConfiguration(
    after = ConvostoreAutoConfiguration.class,
    beforeName = "org.springframework.ai.model.chat.memory.autoconfigure.ChatMemoryAutoConfiguration")
@ConditionalOnClass({ChatMemoryRepository.class, ConvostoreChatMemoryRepository.class})
@ConditionalOnBean(ConvoStore.class)
public class ConvostoreSpringAiAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ChatMemoryRepository.class)
  ChatMemoryRepository convostoreChatMemoryRepository(ConvoStore store, ConvostoreProperties configuration) {
    return ConvostoreChatMemoryRepository.builder(store)
        .user(UserId.of(configuration.getSpringAi().getUser()))
        .maxMessages(configuration.getSpringAi().getMaxMessages())
        .build();
  }
}
