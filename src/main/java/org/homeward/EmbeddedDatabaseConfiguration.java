package org.homeward;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Zero-setup database: when no {@code spring.datasource.url} (SPRING_DATASOURCE_URL) is configured, Homeward runs a
 * real PostgreSQL server from Maven Central binaries, keeping its data in {@code homeward.data-dir} so that it
 * survives a restart and a crash (commits are flushed before they return). The server demands a generated password
 * kept owner-only in that folder; nothing on the machine is trusted ({@link EmbeddedDatabasePassword}). With a URL
 * configured, Spring Boot's own DataSource is used and this class does nothing.
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
    EmbeddedPostgres embeddedPostgres(
            @Value("${homeward.data-dir}") Path dataDir,
            @Value("${homeward.embedded-db.clean-on-start:false}") boolean cleanOnStart,
            EmbeddedDatabasePassword password) throws IOException {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        log.info("Starting embedded PostgreSQL with data in {}", absolute);
        return password.protect(password.applyTo(EmbeddedPostgres.builder())
                .setDataDirectory(absolute.resolve("postgres"))
                .setCleanDataDirectory(cleanOnStart)
                .setServerConfig("max_connections", "100")
                // zonky's builder defaults to synchronous_commit=off (fast tests); Homeward acknowledges readings
                // only once they are durable, so a commit must reach the disk before it returns
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .start());
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabasePassword password) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password(password.value())
                .build();
        dataSource.setPoolName("homeward-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }
}
