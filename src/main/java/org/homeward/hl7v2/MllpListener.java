package org.homeward.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.UnexpectedSegmentBehaviourEnum;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The MLLP listener for ADT from the acute trust's integration engine (HAPI HL7v2's server), on
 * {@code homeward.hl7v2.inbound.port}; off when no port is set. Messages are parsed into the v2.5.1 structures (so
 * 2.3 and 2.4 messages read too), with validation on and a segment out of the structure's order refused rather than
 * moved. Whatever a message does, the listener answers it and keeps serving.
 */
@Component
@EnableConfigurationProperties(Hl7v2Properties.class)
class MllpListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

    private final Hl7v2Properties properties;
    private final AdtInbox inbox;
    private HapiContext hapi;
    private HL7Service server;
    private int port = -1;

    MllpListener(Hl7v2Properties properties, AdtInbox inbox) {
        this.properties = properties;
        this.inbox = inbox;
    }

    static HapiContext newContext() {
        HapiContext context = new DefaultHapiContext();
        context.setModelClassFactory(new CanonicalModelClassFactory("2.5.1"));
        context.getParserConfiguration().setValidating(true);
        context.getParserConfiguration().setUnexpectedSegmentBehaviour(UnexpectedSegmentBehaviourEnum.THROW_HL7_EXCEPTION);
        // acknowledgement control ids unique across app nodes, and no id file written in the working directory
        context.getParserConfiguration().setIdGenerator(new UUIDGenerator());
        return context;
    }

    @Override
    public synchronized void start() {
        if (!properties.inbound().enabled()) {
            return;
        }
        hapi = newContext();
        // its own threads: HAPI's default executor is shared by every context in the JVM, and closing any one context
        // (such as the outbound sender's) would stop the listener's
        hapi.setExecutorService(java.util.concurrent.Executors.newCachedThreadPool());
        port = properties.inbound().port() == 0 ? freePort() : properties.inbound().port();
        server = hapi.newServer(port, false);
        server.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) {
                return inbox.receive(message, (String) metadata.get(MetadataKeys.IN_RAW_MESSAGE));
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        server.setExceptionHandler((incoming, metadata, outgoing, e) -> inbox.rejectUnparsed(hapi, incoming, outgoing, e));
        try {
            server.startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the HL7 v2 listener did not start", e);
        }
        log.info("HL7 v2 ADT listener on port {}, applying messages as {}", port, properties.inbound().actsAs());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stopAndWait();
            server = null;
        }
        if (hapi != null) {
            try {
                hapi.close();
            } catch (IOException e) {
                log.warn("closing the HL7 v2 context", e);
            }
            hapi = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null && server.isRunning();
    }

    /** The port the listener is on, or -1 when it is off. */
    synchronized int port() {
        return server == null ? -1 : port;
    }
}
