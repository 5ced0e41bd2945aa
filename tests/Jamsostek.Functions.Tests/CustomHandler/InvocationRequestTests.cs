using System.Text;
using System.Text.Json;
using Jamsostek.Functions.CustomHandler;
using Jamsostek.Functions.Tests.Payloads;
using Microsoft.AspNetCore.Http;

namespace Jamsostek.Functions.Tests.CustomHandler;

public sealed class InvocationRequestTests
{
    private const string QueueBinding = "myQueueItem";

    /// <summary>What the blob in blob-trigger.json holds: a UTF-8 CSV with a byte order mark.</summary>
    private static readonly byte[] UploadedCsv =
        [0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes("nik;nama;upah\r\n5204011203900001;Siti Aminah;3500000\r\n")];

    [Fact]
    public async Task QueueMessageEncodedTwiceByTheHostIsReadAsJson()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.QueueTrigger);

        var message = request.GetJson(QueueBinding, TestJsonContext.Default.ChunkMessage);

        Assert.Equal(new ChunkMessage("u1", 3), message);
    }

    [Fact]
    public async Task QueueMessagePassedAsAnObjectIsReadAsJson()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.QueueTriggerObject);

        var message = request.GetJson(QueueBinding, TestJsonContext.Default.ChunkMessage);

        Assert.Equal(new ChunkMessage("u1", 3), message);
    }

    [Fact]
    public async Task QueueMessageEncodedTwiceIsReadAsTextOnceDecoded()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.QueueTrigger);

        Assert.Equal("""{"uploadId":"u1","chunk":3}""", request.GetString(QueueBinding));
    }

    [Fact]
    public async Task QueueMessagePassedAsAnObjectIsReadAsItsJsonText()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.QueueTriggerObject);

        Assert.Equal("""{"uploadId":"u1","chunk":3}""", request.GetString(QueueBinding));
    }

    [Fact]
    public async Task PlainTextQueueMessageIsReadAsText()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.QueueTriggerText);

        Assert.Equal("upload u1 chunk 3", request.GetString(QueueBinding));
    }

    [Fact]
    public async Task PlainTextQueueMessageReadAsJsonRaisesPayloadExceptionNamingTheBinding()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.QueueTriggerText);

        var ex = Assert.Throws<InvocationPayloadException>(
            () => request.GetJson(QueueBinding, TestJsonContext.Default.ChunkMessage));

        Assert.Equal(QueueBinding, ex.Binding);
        Assert.Contains($"'{QueueBinding}'", ex.Message);
        Assert.Contains(nameof(ChunkMessage), ex.Message);
    }

    [Fact]
    public void QueueMessageOfJsonNullRaisesPayloadExceptionNamingTheBinding()
    {
        var request = Request(data: $$"""{"{{QueueBinding}}":"null"}""");

        var ex = Assert.Throws<InvocationPayloadException>(
            () => request.GetJson(QueueBinding, TestJsonContext.Default.ChunkMessage));

        Assert.Equal(QueueBinding, ex.Binding);
    }

    [Fact]
    public async Task MissingBindingRaisesPayloadExceptionNamingTheBinding()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.QueueTrigger);

        var exceptions = new[]
        {
            Assert.Throws<InvocationPayloadException>(() => request.GetString("otherQueueItem")),
            Assert.Throws<InvocationPayloadException>(() => request.GetBytes("otherQueueItem")),
            Assert.Throws<InvocationPayloadException>(() => request.GetJson("otherQueueItem", TestJsonContext.Default.ChunkMessage)),
            Assert.Throws<InvocationPayloadException>(() => request.GetTimer("otherQueueItem")),
        };

        Assert.All(exceptions, ex =>
        {
            Assert.Equal("otherQueueItem", ex.Binding);
            Assert.Contains("'otherQueueItem'", ex.Message);
        });
    }

    [Fact]
    public async Task QueueTriggerMetadataGivesDequeueCountIdAndInsertionTime()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.QueueTrigger);

        var trigger = request.QueueTrigger;

        Assert.Equal(2, trigger.DequeueCount);
        Assert.Equal("800ae4b3-bdd2-4c08-badd-f08e5a34b865", trigger.Id);
        Assert.Equal(new DateTimeOffset(2019, 10, 9, 17, 58, 31, TimeSpan.Zero), trigger.InsertionTime);
    }

    [Theory]
    [InlineData(RecordedPayload.QueueTrigger, 2)]
    [InlineData(RecordedPayload.QueueTriggerObject, 1)]
    [InlineData(RecordedPayload.QueueTriggerText, 5)]
    public async Task DequeueCountIsReadFromEveryQueuePayload(string payload, int expected)
    {
        var request = await RecordedPayload.BindAsync(payload);

        Assert.Equal(expected, request.QueueTrigger.DequeueCount);
    }

    [Fact]
    public async Task ServiceBusTriggerGivesItsDeliveryCountMessageIdAndEnqueuedTimeAsTheQueueMetadata()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.ServiceBusTrigger);

        var trigger = request.QueueTrigger;

        Assert.Equal(5, trigger.DequeueCount);
        Assert.Equal("9b1f7c2e5d3a4e8f", trigger.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 3, 12, 45, 117, TimeSpan.Zero), trigger.InsertionTime);
        Assert.Equal(new ChunkMessage("u1", 3), request.GetJson("chunk", TestJsonContext.Default.ChunkMessage));
    }

    [Fact]
    public void DequeueCountWinsOverDeliveryCountWhenBothAreSent()
    {
        var request = Request(metadata: """{"DequeueCount":2,"DeliveryCount":"4"}""");

        Assert.Equal(2, request.QueueTrigger.DequeueCount);
        Assert.Equal(4, Request(metadata: """{"DeliveryCount":"4"}""").QueueTrigger.DequeueCount);
    }

    [Fact]
    public void DequeueCountSentAsTextIsParsed()
    {
        var request = Request(metadata: """{"DequeueCount":"4"}""");

        Assert.Equal(4, request.QueueTrigger.DequeueCount);
    }

    [Fact]
    public async Task BlobContentIsDecodedFromBase64Exactly()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.BlobTrigger);

        var bytes = request.GetBytes("upload");

        Assert.Equal(UploadedCsv, bytes);
    }

    [Fact]
    public void BlobBoundAsStringIsReadAsTextAndIsNotMistakenForBytes()
    {
        var request = Request(data: """{"upload":"nik;nama\r\nSiti Ñ"}""");

        Assert.Equal("nik;nama\r\nSiti Ñ", request.GetString("upload"));
        Assert.Equal("upload", Assert.Throws<InvocationPayloadException>(() => request.GetBytes("upload")).Binding);
    }

    [Fact]
    public void BlobContentThatIsNotAStringRaisesPayloadExceptionNamingTheBinding()
    {
        var request = Request(data: """{"upload":[1,2,3]}""");

        var ex = Assert.Throws<InvocationPayloadException>(() => request.GetBytes("upload"));

        Assert.Equal("upload", ex.Binding);
    }

    [Fact]
    public async Task BlobTriggerMetadataGivesPathETagAndNamedPathParts()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.BlobTrigger);

        var trigger = request.BlobTrigger;

        Assert.Equal("uploads/5204/peserta.csv", trigger.BlobTrigger);
        Assert.Equal("\"0x8DC1234\"", trigger.ETag);
        Assert.Equal("5204", trigger.PathValue("region"));
        Assert.Equal("peserta.csv", trigger.PathValue("name"));
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1/uploads/5204/peserta.csv"), trigger.Uri);
    }

    [Fact]
    public async Task BlobTriggerPathPartMissingFromThePathIsNull()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.BlobTrigger);

        Assert.Null(request.BlobTrigger.PathValue("office"));
    }

    [Fact]
    public async Task TimerScheduleStatusAndPastDueAreRead()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.TimerTrigger);

        var timer = request.GetTimer("myTimer");

        Assert.True(timer.IsPastDue);
        Assert.NotNull(timer.ScheduleStatus);
        Assert.Equal(new DateTimeOffset(2025, 11, 17, 0, 0, 0, TimeSpan.Zero), timer.ScheduleStatus.Last);
        Assert.Equal(new DateTimeOffset(2025, 11, 24, 0, 0, 0, TimeSpan.Zero), timer.ScheduleStatus.Next);
        Assert.Equal(new DateTimeOffset(2025, 11, 17, 0, 0, 1, TimeSpan.Zero), timer.ScheduleStatus.LastUpdated);
    }

    [Fact]
    public void TimerThatNeverRanHasNoScheduleStatus()
    {
        var request = Request(data: """{"myTimer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}}""");

        var timer = request.GetTimer("myTimer");

        Assert.False(timer.IsPastDue);
        Assert.Null(timer.ScheduleStatus);
    }

    [Fact]
    public async Task HttpTriggerRequestIsReadFromItsBinding()
    {
        var request = await RecordedPayload.BindAsync(RecordedPayload.HttpTrigger);

        var http = request.GetJson("req", TestJsonContext.Default.HttpTriggerRequest);

        Assert.Equal("POST", http.Method);
        Assert.Equal("http://localhost:7071/api/regions/5204/uploads", http.Url);
        Assert.Equal(["application/json"], http.Headers["Content-Type"]);
        Assert.Equal("5204", http.Params["region"]);
        Assert.NotNull(http.Body);
        Assert.Equal(new ChunkMessage("u1", 3), JsonSerializer.Deserialize(http.Body, TestJsonContext.Default.ChunkMessage));
    }

    [Fact]
    public async Task DataAndMetadataKeysAreMatchedCaseInsensitively()
    {
        var queue = await RecordedPayload.BindAsync(RecordedPayload.QueueTrigger);
        var blob = await RecordedPayload.BindAsync(RecordedPayload.BlobTrigger);

        Assert.Equal("""{"uploadId":"u1","chunk":3}""", queue.GetString("MYQUEUEITEM"));
        Assert.Equal(new ChunkMessage("u1", 3), queue.GetJson("myqueueitem", TestJsonContext.Default.ChunkMessage));
        Assert.Equal("AgAAAAMAAAAAAAAAAgtnj8x+1QE=", queue.GetMetadataString("popreceipt"));
        Assert.Equal(UploadedCsv, blob.GetBytes("Upload"));
        Assert.Equal("5204", blob.BlobTrigger.PathValue("Region"));
    }

    [Fact]
    public void TriggerMetadataKeysAreMatchedCaseInsensitively()
    {
        var request = Request(metadata: """
            {"dequeuecount":3,"id":"m-1","insertiontime":"2019-10-09T17:58:31+00:00",
             "blobtrigger":"uploads/5204/peserta.csv","properties":{"ETag":"\"0x8DC1234\""}}
            """);

        Assert.Equal(3, request.QueueTrigger.DequeueCount);
        Assert.Equal("m-1", request.QueueTrigger.Id);
        Assert.Equal(new DateTimeOffset(2019, 10, 9, 17, 58, 31, TimeSpan.Zero), request.QueueTrigger.InsertionTime);
        Assert.Equal("uploads/5204/peserta.csv", request.BlobTrigger.BlobTrigger);
        Assert.Equal("\"0x8DC1234\"", request.BlobTrigger.ETag);
    }

    [Fact]
    public async Task EnvelopeKeysAreMatchedCaseInsensitively()
    {
        var request = await BindAsync("""{"data":{"myQueueItem":"hello"},"metadata":{"Id":"m-1"}}""");

        Assert.Equal("hello", request.GetString(QueueBinding));
        Assert.Equal("m-1", request.QueueTrigger.Id);
    }

    [Fact]
    public async Task InvalidJsonBodyIsABadRequest()
    {
        var ex = await Assert.ThrowsAsync<BadHttpRequestException>(() => BindAsync("""{"Data":{"myQueueItem":"""));

        Assert.Equal(StatusCodes.Status400BadRequest, ex.StatusCode);
    }

    private static InvocationRequest Request(string data = "{}", string metadata = "{}") =>
        new(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(data),
            JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(metadata));

    private static async Task<InvocationRequest> BindAsync(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var request = await InvocationRequest.BindAsync(context);
        Assert.NotNull(request);
        return request;
    }
}
