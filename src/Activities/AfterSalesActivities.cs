using AfterSales.Activities.Cases;
using AfterSales.Activities.Escalations;
using AfterSales.Activities.Mail;
using AfterSales.Activities.Sla;
using AfterSales.Activities.Surveys;
using AfterSales.Workflows;
using AfterSales.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AfterSales.Activities;

public static class AfterSalesActivities
{
    /// <summary>
    /// Registers the core activities and the after-sales ones (cases, mail, escalations, SLA, surveys), the form catalog
    /// and the <c>surveyLink</c> template global. What the workflows in workflows-json need.
    /// </summary>
    public static WorkflowsBuilder AddAfterSalesActivities(this WorkflowsBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IWorkflowGlobal, SurveyLinkGlobal>());
        // The allow-list of literal addresses: empty unless the host registers its own (Mail:AllowedAddresses).
        builder.Services.TryAddSingleton(new MailRecipientOptions());
        return builder
            .AddCoreActivities()
            .AddRule<MailRecipientRule>()
            .AddActivity<UpdateCase>()
            .AddActivity<SendEmail>()
            .AddActivity<Escalate>()
            .AddActivity<StartSlaClock>()
            .AddActivity<SlaTimer>()
            .AddActivity<RecordFirstResponse>()
            .AddActivity<SendSurvey>();
    }
}
