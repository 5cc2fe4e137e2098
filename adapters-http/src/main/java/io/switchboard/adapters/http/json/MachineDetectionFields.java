package io.switchboard.adapters.http.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.switchboard.domain.call.MachineDetectionResult;
import java.time.Duration;

/**
 * The verdict of answering-machine detection, in either shape Bandwidth documents: the object
 * {@code machineDetectionResult{value,duration}} or, in its webhook page's example, the bare value.
 */
record MachineDetectionFields(Result machineDetectionResult) {

    record Result(String value, Duration duration) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        Result {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Result ofValue(String value) {
            return new Result(value, null);
        }
    }

    MachineDetectionResult toDomain() {
        Result result = DomainValues.required("machineDetectionResult", machineDetectionResult);
        return new MachineDetectionResult(result.value(), result.duration());
    }
}
