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
using AfterSales.Workflows.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AfterSales.Persistence.Cases;

/// <summary>
/// Keeps the case tables in step with the workflows: adds to each burst's batch the statements that apply what the burst
/// did (a case opened, tasks created and completed, the domain effects activities emitted), so the case, its inbox
/// tasks, its timeline and its mails commit with the instance or not at all.
/// </summary>
/// <remarks>
/// Effects are matched by CLR type name and read as JSON: Persistence does not reference the Activities project that
/// defines them. The order in the batch matters, because each statement sees the ones before it: the case row first,
/// then tasks, then the effects in the order they were emitted. Effects about a case that has no row (an instance whose
/// correlation id is not a case) change nothing, except mails, which are queued without a case. A case belongs to the
/// instance it was opened with and its children (<see cref="CaseBinding"/>): a burst of any other instance that would touch
/// it fails whole.
/// </remarks>
internal sealed class CaseProjection(IOptions<CaseOptions> options) : IBurstParticipant
{
    private readonly string _roleAddresses = JsonSerializer.Serialize(options.Value.RoleAddresses);
    private readonly string _publicBaseUrl = options.Value.PublicBaseUrl.TrimEnd('/');

    public void AddCommands(NpgsqlBatch batch, WorkflowInstance instance, RunResult changes, bool isNew)
    {
        foreach (var opened in changes.Effects.OfType<CaseOpened>()) CaseCommands.Open(batch, opened, instance.Id);
        var effects = new List<(string Type, EffectReader Effect)>();
        foreach (var effect in changes.Effects)
        {
            if (effect is CaseOpened) continue;
            var name = effect.GetType().Name;
            if (!Handles(name)) continue;
            var json = (JsonObject)JsonSerializer.SerializeToNode(effect, effect.GetType(), WorkflowStateJson.Options)!;
            effects.Add((name, new EffectReader(json)));
        }
        // Before anything touches a case, the cases this burst may touch (its correlation id, which its tasks and mails are
        // about, and its effects' cases) must be its own: otherwise the check fails the batch and nothing is written.
        var touched = effects.Select(e => e.Effect.Text("caseId"));
        if (instance.CorrelationId is { } correlationId) touched = touched.Prepend(correlationId);
        foreach (var caseId in touched.Distinct(StringComparer.Ordinal)) CaseBinding.Check(batch, caseId, instance.Id);
        TaskCommands.Apply(batch, instance, changes);
        foreach (var (name, effect) in effects) Apply(batch, name, effect);
    }

    /// <summary>The effect types applied here, by CLR type name.</summary>
    internal static bool Handles(string type) => type is "CaseStatusChanged" or "CaseOwnerAssigned" or "CaseTimelineEntry" or "CaseEscalated"
        or "MailRequested" or "SurveyRequested" or "SlaClockStarted" or "FirstResponseRecorded";

    private void Apply(NpgsqlBatch batch, string type, EffectReader e)
    {
        switch (type)
        {
            case "CaseStatusChanged":
                CaseCommands.ChangeStatus(batch, e.Text("caseId"), e.Text("status"), e.Time("at"), e.Text("eventKey"));
                break;
            case "CaseOwnerAssigned":
                CaseCommands.AssignOwner(batch, e.Text("caseId"), e.Text("owner"), e.Time("at"));
                break;
            case "CaseTimelineEntry":
                CaseCommands.AddEvent(batch, e.Text("caseId"), e.Time("at"), e.Text("kind"), actor: null, e.Text("text"),
                    new JsonObject { ["eventKey"] = e.Text("eventKey") });
                break;
            case "CaseEscalated":
                // The mail and the timeline line come as their own effects with the same event key.
                CaseCommands.Escalate(batch, e.Text("caseId"), e.Int("level"), e.Time("at"));
                break;
            case "MailRequested":
                MailCommands.Queue(batch, e.Text("eventKey"), e.Text("caseId"), e.TextList("to"), e.Text("subject"), e.Text("body"),
                    e.Time("at"), _roleAddresses);
                break;
            case "SurveyRequested":
                RequestSurvey(batch, e);
                break;
            case "SlaClockStarted":
                // The case tracks its first-response clock; other clocks live in their workflows only.
                if (e.Text("clock") == "first_response") CaseCommands.StartFirstResponseClock(batch, e.Text("caseId"), e.Time("dueAt"), e.Time("at"));
                break;
            case "FirstResponseRecorded":
                CaseCommands.RecordFirstResponse(batch, e.Text("caseId"), e.Time("at"));
                break;
        }
    }

    private void RequestSurvey(NpgsqlBatch batch, EffectReader e)
    {
        const string placeholder = "{{ surveyLink }}";
        var token = SurveyTokens.New();
        var link = $"{_publicBaseUrl}/survey/{token}";
        var body = e.Text("body");
        body = body.Contains(placeholder, StringComparison.Ordinal) ? body.Replace(placeholder, link, StringComparison.Ordinal) : $"{body.TrimEnd()}\n\n{link}\n";
        var subject = e.Text("subject").Replace(placeholder, link, StringComparison.Ordinal);
        var (eventKey, caseId, at) = (e.Text("eventKey"), e.Text("caseId"), e.Time("at"));
        SurveyCommands.Create(batch, token, caseId, at, e.Time("expiresAt"), eventKey);
        MailCommands.Queue(batch, eventKey, caseId, e.TextList("to"), subject, body, at, _roleAddresses);
    }

    /// <summary>Reads an effect's camelCase JSON; a missing required property is a broken contract and throws, failing the burst.</summary>
    private readonly struct EffectReader(JsonObject json)
    {
        public string Text(string name) => json[name]?.GetValue<string>()
            ?? throw new InvalidOperationException($"the effect has no '{name}': {json.ToJsonString()}");

        public int Int(string name) => json[name]?.GetValue<int>() ?? throw new InvalidOperationException($"the effect has no '{name}'");

        public DateTimeOffset Time(string name) => json[name]?.GetValue<DateTimeOffset>()
            ?? throw new InvalidOperationException($"the effect has no '{name}'");

        public string[] TextList(string name) => json[name]?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];
    }
}
