using Jamsostek.Functions.Access;
using Jamsostek.Functions.Agreements;
using Jamsostek.Functions.Participants;
using Microsoft.Azure.Functions.Worker;

namespace Jamsostek.Functions.Api;

[RequiresAccessKey]
public sealed class ParticipantsReportFunction(ParticipantStore participants, AgreementStore agreements, ILogger<ParticipantStore> logger)
{
    [Function("ParticipantsReport")]
    [ApiOperation("Reports", "Participants of a region (or every region the key may see), optionally of one agreement and active on asOf; streamed; format=json, csv or xlsx.",
        Query = ["region", "agreement", "asOf", "format", "lang"])]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/participants")] HttpRequest request, CancellationToken cancellationToken) =>
        ParticipantsReportApi.GetAsync(request.HttpContext, participants, agreements, logger, cancellationToken);
}
