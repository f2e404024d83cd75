package com.backcare.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void portsForLaterServersAreNeverEphemeralNorHandedOutTwice() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            int port = SharedTestStack.freePort();
            assertTrue(port >= 20_000 && port < 32_768, port + " lies outside the range no outgoing connection is given");
            ports.add(port);
        }
        assertEquals(500, ports.size(), "a port was handed out twice before its server bound it");
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", ports.iterator().next()));
        }
    }
}
