package org.homeward.hl7v2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain MLLP client over a real TCP socket: 0x0B, the message, 0x1C 0x0D; reads one framed reply. */
final class Mllp implements AutoCloseable {

    private final Socket socket;

    Mllp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
    }

    /** Sends one message (segments joined by carriage returns) and returns the framed reply. */
    String send(String message) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(0x0B);
        out.write(message.getBytes(StandardCharsets.UTF_8));
        out.write(new byte[] {0x1C, 0x0D});
        out.flush();
        return read();
    }

    void sendRaw(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    String read() throws IOException {
        InputStream in = socket.getInputStream();
        int b = in.read();
        while (b != 0x0B) {
            if (b == -1) {
                throw new IOException("connection closed before a reply");
            }
            b = in.read();
        }
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        while ((b = in.read()) != 0x1C) {
            if (b == -1) {
                throw new IOException("connection closed in the middle of a reply");
            }
            reply.write(b);
        }
        in.read();
        return reply.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
