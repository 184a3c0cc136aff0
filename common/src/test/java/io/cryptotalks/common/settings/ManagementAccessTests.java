package io.cryptotalks.common.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.cryptotalks.common.settings.ManagementAccessAutoConfiguration.LocalManagementOnly;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** On a service's own port: health for everyone, the rest of Actuator for loopback connections only. */
class ManagementAccessTests {

    private final LocalManagementOnly filter = new LocalManagementOnly("/actuator");

    private MockHttpServletResponse call(String method, String path, String localAddress) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        request.setLocalAddr(localAddress);
        request.setRemoteAddr("127.0.0.1"); // what a forwarded header could make it: never looked at
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(200); // passed on to Actuator
        }
        return response;
    }

    @Test
    void healthAnswersEveryone() throws Exception {
        assertThat(call("GET", "/actuator/health", "10.1.2.3").getStatus()).isEqualTo(200);
        assertThat(call("GET", "/actuator/health/readiness", "10.1.2.3").getStatus())
                .isEqualTo(200);
        assertThat(call("GET", "/actuator/health/liveness", "192.168.0.7").getStatus())
                .isEqualTo(200);
    }

    @Test
    void theRestAnswersLoopbackConnectionsOnly() throws Exception {
        MockHttpServletResponse refused = call("POST", "/actuator/deadletters", "10.1.2.3");
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(refused.getContentAsString())
                .isEqualTo(
                        "{\"statusCode\":404,\"message\":\"Cannot POST /actuator/deadletters\",\"error\":\"Not Found\"}");
        assertThat(call("GET", "/actuator/info", "172.17.0.2").getStatus()).isEqualTo(404);
        assertThat(call("GET", "/actuator/healthz", "172.17.0.2").getStatus()).isEqualTo(404);
        assertThat(call("GET", "/actuator", "172.17.0.2").getStatus()).isEqualTo(404);

        assertThat(call("POST", "/actuator/deadletters", "127.0.0.1").getStatus())
                .isEqualTo(200);
        assertThat(call("POST", "/actuator/deadletters", "0:0:0:0:0:0:0:1").getStatus())
                .isEqualTo(200);
        assertThat(call("POST", "/actuator/deadletters", "::1").getStatus()).isEqualTo(200);
    }

    @Test
    void onlyLiteralLoopbackAddressesCount() {
        assertThat(LocalManagementOnly.isLoopback("127.0.0.1")).isTrue();
        assertThat(LocalManagementOnly.isLoopback("127.1.2.3")).isTrue();
        assertThat(LocalManagementOnly.isLoopback("localhost")).isFalse();
        assertThat(LocalManagementOnly.isLoopback("")).isFalse();
        assertThat(LocalManagementOnly.isLoopback(null)).isFalse();
        assertThat(LocalManagementOnly.isLoopback("fe80::1%eth0")).isFalse();
    }
}
