package io.praas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessPathTest {

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "/v1/apps/shop/processes/cart-1/invoke/add | shop/cart-1",
        "/v1/apps/shop/processes/cart-1/swap       | shop/cart-1",
        "/v1/apps/shop/processes/cart-1            | shop/cart-1",
        "/v1/apps/shop/processes/cart-1/           | shop/cart-1",
        "/v1/apps/shop/processes                   | shop",
        "/v1/apps/shop/processes/                  | shop",
        "/v1/apps/shop                             | shop",
        "/v1/apps/shop/bundle                      | shop",
        "/v1/apps                                  | ''",
        "/v1/apps/                                 | ''",
        "/v1/appsx/shop                            | ''",
        "/nope                                     | ''",
        "/v1/apps/%73hop/processes/c%61rt-1        | shop/cart-1",
    })
    void routingKeyIsAppSlashSessionOrAppOrEmpty(String path, String key) {
        assertThat(ProcessPath.parse(path).routingKey()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/v1/apps//processes/s1           | '' | s1",
        "/v1/apps/a%20b/processes/s%2F1   | a b | s/1",
        "/v1/apps/shop/processes/%zz      | shop | %zz",
    })
    void namesAreDecodedAndEmptyOrMalformedOnesKept(String path, String app, String session) {
        assertThat(ProcessPath.parse(path)).isEqualTo(new ProcessPath(app, session));
    }
}
