package io.switchboard.testkit.simulator;

/**
 * The Bandwidth account the simulated calls belong to: its ids as events carry them, and the Voice API URLs
 * events name (a call's, a recording's media, a transcription).
 */
record BandwidthAccount(String accountId, String applicationId) {
    private static final String ACCOUNTS = "https://voice.bandwidth.com/api/v2/accounts/";

    String callUrl(String callId) {
        return apiUrl() + "/calls/" + callId;
    }

    String recordingMediaUrl(String callId, String recordingId) {
        return callUrl(callId) + "/recordings/" + recordingId + "/media";
    }

    String transcriptionUrl(String recordingId) {
        return apiUrl() + "/recordings/" + recordingId + "/transcription";
    }

    private String apiUrl() {
        return ACCOUNTS + accountId;
    }
}
