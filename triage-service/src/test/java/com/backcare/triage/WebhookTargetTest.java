package com.backcare.triage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

import com.backcare.triage.domain.Webhooks;

/** In production, a webhook cannot be aimed inside the network (SSRF): loopback, private and link-local are refused. */
class WebhookTargetTest {

    private static boolean isPrivate(String host) throws Exception {
        Method m = Webhooks.class.getDeclaredMethod("isPrivate", String.class, String.class);
        m.setAccessible(true);
        return (boolean) m.invoke(null, host, "url");
    }

    @Test
    void internalAddressesArePrivate() throws Exception {
        for (String host : new String[] { "127.0.0.1", "localhost", "10.1.2.3", "172.16.0.9", "192.168.1.1",
                "169.254.169.254", "0.0.0.0", "::1", "fd00::1" }) {
            assertTrue(isPrivate(host), host);
        }
    }

    @Test
    void publicAddressesAreNot() throws Exception {
        for (String host : new String[] { "93.184.216.34", "8.8.8.8", "2606:4700:4700::1111" }) {
            assertFalse(isPrivate(host), host);
        }
    }
}
