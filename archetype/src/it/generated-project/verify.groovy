// The generated project's jar serves its flow: start it on free ports of 127.0.0.1, wait until it is ready,
// place a call as Bandwidth would, check the flow's BXML, and stop it by its process.
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

def freePort = { new ServerSocket(0, 0, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort } }
def project = new File(basedir, 'acme-ivr')
def jar = new File(project, 'target/acme-ivr.jar')
assert jar.isFile() : "no service jar at ${jar}"

int port = freePort()
def builder = new ProcessBuilder(
        new File(System.getProperty('java.home'), 'bin/java').path, '-jar', jar.path)
        .directory(project)
        .redirectErrorStream(true)
        .redirectOutput(new File(basedir, 'service.log'))
builder.environment().putAll([
        SWITCHBOARD_HTTP_PORT      : "${port}".toString(),
        SWITCHBOARD_MANAGEMENT_PORT: "${freePort()}".toString(),
        SWITCHBOARD_REMOTE_PORT    : "${freePort()}".toString(),
        SWITCHBOARD_DATA_DIR       : new File(basedir, 'data').path])
def service = builder.start()
def client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
def url = { path -> URI.create("http://127.0.0.1:${port}${path}") }
def post = { path, json ->
    client.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(15))
            .header('Content-Type', 'application/json').POST(HttpRequest.BodyPublishers.ofString(json)).build(),
            HttpResponse.BodyHandlers.ofString())
}
try {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos()
    boolean ready = false
    while (!ready) {
        assert service.alive : "the service exited with ${service.exitValue()}; see service.log"
        assert System.nanoTime() < deadline : 'the service was not ready within 120 s; see service.log'
        try {
            ready = client.send(HttpRequest.newBuilder(url('/health/ready')).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200
        } catch (IOException notListeningYet) {
        }
        if (!ready) {
            service.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)
        }
    }
    def call = '"callId": "c-archetype-1", "from": "+15552223333", "to": "+15553334444", "direction": "inbound"'
    def welcome = post('/voice/initiate', "{\"eventType\": \"initiate\", ${call}, \"accountId\": \"9900000\", \"applicationId\": \"app-1\"}")
    assert welcome.statusCode() == 200 : welcome.body()
    assert welcome.body().contains('<Gather') && welcome.body().contains('PIN') : welcome.body()
    def menu = post('/voice/gather', "{\"eventType\": \"gather\", ${call}, \"digits\": \"1234\", \"eventTime\": \"2026-11-25T10:00:05Z\"}")
    assert menu.statusCode() == 200 : menu.body()
    assert menu.body().contains('Hello Ada') && menu.body().contains('Press 1 for sales') : menu.body()
    def transfer = post('/voice/gather', "{\"eventType\": \"gather\", ${call}, \"digits\": \"1\", \"eventTime\": \"2026-11-25T10:00:09Z\"}")
    assert transfer.statusCode() == 200 : transfer.body()
    assert transfer.body().contains('<Transfer') && transfer.body().contains('+15555550100') : transfer.body()
    return true
} finally {
    service.destroy()
    if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        service.destroyForcibly()
    }
}
