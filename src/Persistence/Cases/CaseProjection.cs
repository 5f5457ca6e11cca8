using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Cases;
using AfterSales.Cases.Escalations;
using AfterSales.Cases.Mail;
using AfterSales.Cases.Sla;
using AfterSales.Cases.Surveys;
using AfterSales.Persistence.Mail;
using AfterSales.Persistence.Runtime;
using AfterSales.Persistence.Surveys;
using AfterSales.Persistence.Tasks;
using AfterSales.Workflows;
using AfterSales.Workflows.Execution;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AfterSales.Persistence.Cases;

/// <summary>
/// Keeps the case tables in step with the workflows: adds to each burst's batch the statements that apply what the burst
/// did (a case opened, tasks created and completed, the domain effects activities emitted), so the case, its inbox
/// tasks, its timeline and its mails commit with the instance or not at all.
/// </summary>
/// <remarks>
/// Effects are the typed records of <c>AfterSales.Cases</c>, switched on by type. The order in the batch matters, because
/// each statement sees the ones before it: the case row first, then tasks, then the effects in the order they were emitted.
/// Effects about a case that has no row (an instance whose correlation id is not a case) change nothing, except mails,
/// which are queued without a case. A case belongs to the instance it was opened with and its children
/// (<see cref="CaseBinding"/>): a burst of any other instance that would touch it fails whole.
/// </remarks>
internal sealed class CaseProjection(IOptions<CaseOptions> options) : IBurstParticipant
{
    /// <summary>The effect types <see cref="Apply"/> has a case for.</summary>
    private static readonly HashSet<Type> Applied =
    [
        typeof(CaseStatusChanged), typeof(CaseOwnerAssigned), typeof(CaseTimelineEntry), typeof(CaseEscalated),
        typeof(MailRequested), typeof(SurveyRequested), typeof(SlaClockStarted), typeof(FirstResponseRecorded),
    ];

    private readonly string _roleAddresses = JsonSerializer.Serialize(options.Value.RoleAddresses);
    private readonly string _publicBaseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
    private readonly CaseOptions _options = options.Value;

    /// <summary>Put before the case's address at the end of a staff mail about the case.</summary>
    internal const string CaseLinkLabel = "打开案件 / Open the case: ";

    public void AddCommands(NpgsqlBatch batch, WorkflowInstance instance, RunResult changes, bool isNew)
    {
        foreach (var opened in changes.Effects.OfType<CaseOpened>()) CaseCommands.Open(batch, opened, instance.Id);
        var effects = changes.Effects.OfType<ICaseEffect>().Where(e => Handles(e.GetType())).ToList();
        // Before anything touches a case, the cases this burst may touch (its correlation id, which its tasks and mails are
        // about, and its effects' cases) must be its own: otherwise the check fails the batch and nothing is written.
        var touched = effects.Select(e => e.CaseId);
        if (instance.CorrelationId is { } correlationId) touched = touched.Prepend(correlationId);
        foreach (var caseId in touched.Distinct(StringComparer.Ordinal)) CaseBinding.Check(batch, caseId, instance.Id);
        TaskCommands.Apply(batch, instance, changes);
        foreach (var effect in effects) Apply(batch, effect);
    }

    /// <summary>True for the effect types applied here.</summary>
    internal static bool Handles(Type type) => Applied.Contains(type);

    private void Apply(NpgsqlBatch batch, ICaseEffect effect)
    {
        switch (effect)
        {
            case CaseStatusChanged e:
                CaseCommands.ChangeStatus(batch, e.CaseId, e.Status, e.At, e.EventKey);
                break;
            case CaseOwnerAssigned e:
                CaseCommands.AssignOwner(batch, e.CaseId, e.Owner, e.At);
                break;
            case CaseTimelineEntry e:
                CaseCommands.AddEvent(batch, e.CaseId, e.At, e.Kind, actor: null, e.Text, new JsonObject { ["eventKey"] = e.EventKey });
                break;
            case CaseEscalated e:
                // The mail and the timeline line come as their own effects with the same event key.
                CaseCommands.Escalate(batch, e.CaseId, e.Level, e.At);
                break;
            case MailRequested e:
                MailCommands.Queue(batch, e.EventKey, e.CaseId, e.To, e.Subject, WithCaseLink(e), e.At, _roleAddresses);
                break;
            case SurveyRequested e:
                RequestSurvey(batch, e);
                break;
            case SlaClockStarted e:
                // The case tracks its first-response clock; other clocks live in their workflows only.
                if (e.Clock == "first_response") CaseCommands.StartFirstResponseClock(batch, e.CaseId, e.DueAt, e.At);
                break;
            case FirstResponseRecorded e:
                CaseCommands.RecordFirstResponse(batch, e.CaseId, e.At);
                break;
            default:
                throw new InvalidOperationException($"{effect.GetType().Name} is listed as applied but has no case in {nameof(Apply)}");
        }
    }

    /// <summary>
    /// The body with the case's page at its end, for the staff it goes to. A mail to the customer gets none: they
    /// cannot sign in to it, and the address would tell them about an internal system.
    /// </summary>
    private string WithCaseLink(MailRequested e) => e.To.Contains(MailRequested.Customer)
        ? e.Body
        : $"{e.Body.TrimEnd()}\n\n{CaseLinkLabel}{_options.CaseLink(e.CaseId)}\n";

    private void RequestSurvey(NpgsqlBatch batch, SurveyRequested e)
    {
        const string placeholder = SurveyRequested.LinkPlaceholder;
        var token = SurveyTokens.New();
        var link = $"{_publicBaseUrl}/survey/{token}";
        var body = e.Body.Contains(placeholder, StringComparison.Ordinal)
            ? e.Body.Replace(placeholder, link, StringComparison.Ordinal)
            : $"{e.Body.TrimEnd()}\n\n{link}\n";
        var subject = e.Subject.Replace(placeholder, link, StringComparison.Ordinal);
        SurveyCommands.Create(batch, token, e.CaseId, e.At, e.ExpiresAt, e.EventKey);
        MailCommands.Queue(batch, e.EventKey, e.CaseId, e.To, subject, body, e.At, _roleAddresses);
    }
}
