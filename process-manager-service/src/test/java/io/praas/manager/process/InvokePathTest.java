package io.praas.manager.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvokePathTest {

    @Test
    void invokePathIsSplitIntoAppSessionAndFunction() {
        assertThat(InvokePath.parse("/v1/apps/shop/processes/cart-42/invoke/add"))
                .isEqualTo(new InvokePath("/v1/apps/shop/processes/cart-42/invoke/add", "shop", "cart-42", "add"));
    }

    @Test
    void queryIsNotPartOfTheFunctionName() {
        assertThat(InvokePath.parse("/v1/apps/shop/processes/cart-42/invoke/add?trace=1"))
                .isEqualTo(new InvokePath("/v1/apps/shop/processes/cart-42/invoke/add", "shop", "cart-42", "add"));
    }

    @Test
    void segmentsArePercentDecodedSoInvalidNamesAreReportedAsSent() {
        InvokePath path = InvokePath.parse("/v1/apps/shop/processes/bad%20key/invoke/add");
        assertThat(path.session()).isEqualTo("bad key");
        assertThat(path.path()).isEqualTo("/v1/apps/shop/processes/bad%20key/invoke/add");
    }

    @Test
    void absoluteFormTargetIsUnderstood() {
        assertThat(InvokePath.parse("http://manager:8081/v1/apps/shop/processes/cart-42/invoke/add"))
                .isEqualTo(new InvokePath("/v1/apps/shop/processes/cart-42/invoke/add", "shop", "cart-42", "add"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1/apps/shop/processes/cart-42",
            "/v1/apps/shop/processes/cart-42/swap",
            "/v1/apps/shop/processes/cart-42/invoke/",
            "/v1/apps/shop/processes//invoke/add",
            "/v1/apps/shop/processes/cart-42/invoke/add/more",
            "/v1/apps/shop/sessions/cart-42/invoke/add",
            "/v2/apps/shop/processes/cart-42/invoke/add",
            "/actuator/health",
            "http://manager:8081"})
    void everythingElseIsLeftToTheRestOfTheApi(String requestTarget) {
        assertThat(InvokePath.matches(requestTarget)).isFalse();
    }
}
