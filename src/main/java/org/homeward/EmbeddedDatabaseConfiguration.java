package org.homeward;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: when no {@code spring.datasource.url} (SPRING_DATASOURCE_URL) is configured, Homeward runs a
 * real PostgreSQL server from Maven Central binaries, keeping its data in {@code homeward.data-dir} so that it
 * survives a restart and a crash (commits are flushed before they return). The server demands a generated password
 * kept owner-only in that folder; nothing on the machine is trusted ({@link EmbeddedDatabasePassword}). A start after
 * a crash first stops the server the crashed run left behind; a server that dies is started again by a watchdog (see
 * {@link EmbeddedDatabaseServer}). With a URL configured, Spring Boot's own DataSource is used and this class does
 * nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** The generated superuser password, kept owner-only in the data folder (see EmbeddedDatabasePassword). */
    @Bean
    EmbeddedDatabasePassword embeddedDatabasePassword(@Value("${homeward.data-dir}") Path dataDir) throws IOException {
        return EmbeddedDatabasePassword.readOrCreate(dataDir.toAbsolutePath().normalize());
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseServer embeddedDatabaseServer(
            @Value("${homeward.data-dir}") Path dataDir,
            @Value("${homeward.embedded-db.clean-on-start:false}") boolean cleanOnStart,
            @Value("${homeward.embedded-db.watchdog-interval:PT2S}") Duration watchdogInterval,
            @Value("${homeward.embedded-db.sync-to-disk:true}") boolean syncToDisk,
            EmbeddedDatabasePassword password) throws IOException {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        log.info("Starting embedded PostgreSQL with data in {}", absolute);
        return EmbeddedDatabaseServer.start(absolute.resolve("postgres"), password, cleanOnStart, watchdogInterval,
                syncToDisk);
    }

    /**
     * The pool takes {@code spring.datasource.hikari.*} (connection and validation timeouts) like Spring Boot's own,
     * so an unreachable database is reported within seconds rather than after Hikari's default 30 s.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabaseServer database, EmbeddedDatabasePassword password) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(database.jdbcUrl())
                .username("postgres")
                .password(password.value())
                .build();
        dataSource.setPoolName("homeward-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
