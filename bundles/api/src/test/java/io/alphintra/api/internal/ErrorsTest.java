package io.alphintra.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.ext.web.handler.HttpException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    @Test
    void anUnexpectedFailureIsInternalWithAnIncidentIdAndNoDetail() {
        ApiError error = Errors.toApiError(new NullPointerException("secret detail"), -1, "GET /api/v1/x");
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.code()).isEqualTo("INTERNAL");
        assertThat(error.getMessage()).matches("internal error, incident [0-9a-f-]{36} \\(the node's log has it\\)")
                .doesNotContain("secret detail");
        assertThat(error.toJson().containsKey("field")).isFalse();
    }

    @Test
    void theApisOwnErrorsPassThroughWrapped() {
        ApiError refused = ApiError.validation("/quantity", "/quantity = 0: must be positive");
        assertThat(Errors.toApiError(new CompletionException(refused), -1, "x")).isSameAs(refused);
        assertThat(refused.toJson().encode()).isEqualTo(
                "{\"code\":\"VALIDATION_FAILED\",\"message\":\"/quantity = 0: must be positive\",\"field\":\"/quantity\"}");
    }

    @Test
    void vertxStatusesBecomeTheirCodes() {
        assertThat(Errors.toApiError(new HttpException(413), 413, "x").code()).isEqualTo("BODY_TOO_LARGE");
        assertThat(Errors.toApiError(null, 404, "x").code()).isEqualTo("NOT_FOUND");
        assertThat(Errors.toApiError(null, 405, "x").code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(Errors.toApiError(new java.util.concurrent.TimeoutException(), -1, "x").code())
                .isEqualTo("UNAVAILABLE");
    }
}
