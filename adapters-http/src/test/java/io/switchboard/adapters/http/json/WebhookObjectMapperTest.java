package io.switchboard.adapters.http.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookObjectMapperTest {
    private static final PayloadLimits LIMITS = new PayloadLimits(4_096, 64, 5, 10, 100, 20);
    private final ObjectMapper mapper = WebhookObjectMapper.create(LIMITS);

    record Times(Instant at, Duration took, Boolean flag, Integer count, String text) {}

    @Test
    void streamReadConstraintsAreTheConfiguredOnes() {
        StreamReadConstraints constraints = mapper.getFactory().streamReadConstraints();

        assertEquals(4_096, constraints.getMaxDocumentLength());
        assertEquals(5, constraints.getMaxNestingDepth());
        assertEquals(10, constraints.getMaxNumberLength());
        assertEquals(100, constraints.getMaxStringLength());
        assertEquals(20, constraints.getMaxNameLength());
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree("[[[[[[1]]]]]]"));
        assertThrows(StreamConstraintsException.class, () -> mapper.readTree("{\"n\":12345678901}"));
    }

    @Test
    void bodiesNeverChooseTheTypeTheyBecome() {
        assertNull(mapper.getSerializationConfig().getDefaultTyper(mapper.constructType(Object.class)));
        assertNull(mapper.getDeserializationConfig().getDefaultTyper(mapper.constructType(Object.class)));
    }

    @Test
    void timesAndTextAreNeverReadFromNumbers() {
        assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"at\": 1561045465}", Times.class));
        assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"took\": 20}", Times.class));
        assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"text\": 20}", Times.class));
        assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"flag\": 1}", Times.class));
        assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"count\": 1.5}", Times.class));
    }

    @Test
    void numbersAndBooleansAreReadFromTheirTextAndTrailingCommasAreForgiven() throws Exception {
        Times times = mapper.readValue("{\"flag\": \"true\", \"count\": \"2\", \"took\": \"PT1S\",}", Times.class);

        assertEquals(Boolean.TRUE, times.flag());
        assertEquals(2, times.count());
        assertTrue(times.took().equals(Duration.ofSeconds(1)));
    }
}
