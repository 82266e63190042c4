package io.mlregistry.provider;

import static org.assertj.core.api.Assertions.assertThat;

import pulumirpc.EngineOuterClass;

import org.junit.jupiter.api.Test;

/** The command line the engine starts the plugin with, and what the relay keeps from the engine. */
class MainTest {

    @Test
    void arguments_engineAddressIsTheLastArgument_afterTheEnginesFlags() {
        assertThat(Main.Arguments.parse(new String[] {"127.0.0.1:4000"}))
                .isEqualTo(new Main.Arguments("127.0.0.1:4000", false));
        assertThat(Main.Arguments.parse(new String[] {"--logtostderr", "-v=9", "--tracing", "http://127.0.0.1:9411",
                "127.0.0.1:4000"})).isEqualTo(new Main.Arguments("127.0.0.1:4000", true));
        assertThat(Main.Arguments.parse(new String[] {"-v=0", "127.0.0.1:4000"}))
                .isEqualTo(new Main.Arguments("127.0.0.1:4000", false));
        assertThat(Main.Arguments.parse(new String[] {"-v=x", "127.0.0.1:4000"}).verbose()).isFalse();
        assertThat(Main.Arguments.parse(new String[] {})).isEqualTo(new Main.Arguments("", false));
    }

    private static EngineOuterClass.LogRequest log(EngineOuterClass.LogSeverity severity, String message) {
        return EngineOuterClass.LogRequest.newBuilder().setSeverity(severity).setMessage(message).build();
    }

    @Test
    void isFailureReport_onlyErrorsCarryingAJavaStackTrace() {
        assertThat(EngineRelay.isFailureReport(log(EngineOuterClass.LogSeverity.ERROR,
                "Running program [PID: 7](java -jar x.jar) failed with an unhandled exception:\njava.lang.Error"))).isTrue();
        assertThat(EngineRelay.isFailureReport(log(EngineOuterClass.LogSeverity.ERROR,
                "java.lang.IllegalStateException: x\n\tat io.mlregistry.A.b(A.java:1)"))).isTrue();
        assertThat(EngineRelay.isFailureReport(log(EngineOuterClass.LogSeverity.WARNING,
                "Running program [PID: 7] failed with an unhandled exception:\n\tat x"))).isFalse();
        assertThat(EngineRelay.isFailureReport(log(EngineOuterClass.LogSeverity.ERROR,
                "domainName (ML) must be 2-50 characters matching [a-z][a-z0-9-]{0,48}[a-z0-9]"))).isFalse();
    }
}
