using System.Reflection;
using AfterSales.Cases.Escalations;
using AfterSales.Cases.Mail;
using AfterSales.Cases.Sla;
using AfterSales.Cases.Surveys;
using AfterSales.Cases.Tasks;

namespace AfterSales.Cases;

/// <summary>The names effects are stored under, and the effect types the case domain declares.</summary>
public static class EffectNames
{
    /// <summary>The effects of the case domain, each with its <see cref="EffectNameAttribute"/>.</summary>
    public static readonly IReadOnlyList<Type> CaseEffects =
    [
        typeof(CaseOpened), typeof(CaseStatusChanged), typeof(CaseOwnerAssigned), typeof(CaseTimelineEntry), typeof(CaseEscalated),
        typeof(MailRequested), typeof(SurveyRequested), typeof(SlaClockStarted), typeof(FirstResponseRecorded),
        typeof(TaskCompleted),
    ];

    /// <summary>
    /// The CLR full names the case effects were stored under before they declared names, and the names that replace
    /// them. Migration <c>StoreEffectsUnderStableNames</c> rewrote existing rows with this map; <see cref="Find"/>
    /// still reads them, so a row written by an older build that was running during the upgrade is understood too.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Legacy = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AfterSales.Persistence.Cases.CaseOpened"] = "case.opened",
        ["AfterSales.Activities.Cases.CaseStatusChanged"] = "case.status_changed",
        ["AfterSales.Activities.Cases.CaseOwnerAssigned"] = "case.owner_assigned",
        ["AfterSales.Activities.Cases.CaseTimelineEntry"] = "case.timeline_entry",
        ["AfterSales.Activities.Escalations.CaseEscalated"] = "case.escalated",
        ["AfterSales.Activities.Mail.MailRequested"] = "mail.requested",
        ["AfterSales.Activities.Surveys.SurveyRequested"] = "survey.requested",
        ["AfterSales.Activities.Sla.SlaClockStarted"] = "sla.clock_started",
        ["AfterSales.Activities.Sla.FirstResponseRecorded"] = "sla.first_response_recorded",
    };

    private static readonly Dictionary<string, Type> ByName = CaseEffects.ToDictionary(Of, StringComparer.Ordinal);

    /// <summary>The name <paramref name="effectType"/> is stored under: its declared name, else its CLR full name.</summary>
    public static string Of(Type effectType) =>
        effectType.GetCustomAttribute<EffectNameAttribute>()?.Name ?? effectType.FullName ?? effectType.Name;

    /// <summary>The case effect stored under <paramref name="storedName"/> (a declared name or a legacy CLR name); null when none is.</summary>
    public static Type? Find(string storedName) =>
        ByName.GetValueOrDefault(Legacy.GetValueOrDefault(storedName, storedName));
}
