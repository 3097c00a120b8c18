using Microsoft.AspNetCore.Components.Forms;
using Network.Web.Components.Appointments;
using Network.Web.Components.Boards;
using Network.Web.Components.Documents;
using static Network.Web.Tests.Samples;

namespace Network.Web.Tests;

/// <summary>The composers offer only what the board's ComposerView allows, and start fresh after posting.</summary>
public sealed class ComposerTests : BunitContext
{
    private static readonly Reader Jeroen = new(Guid.NewGuid(), "Jeroen de Vries", ActorRole.YouthCare);
    private static readonly Reader Sanne = new(Guid.NewGuid(), "Sanne Jansen", ActorRole.Parent);

    public ComposerTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    /// <summary>A parent with gezag: General to everyone (or named people), Contact details to everyone; about Daan or Noor.</summary>
    private static ComposerView ParentComposer(bool mayUpload = false) => new(
        [new ComposerCategory(InformationCategory.General, AudienceKind.Everyone, [AudienceKind.Everyone, AudienceKind.NamedPeople]),
         new ComposerCategory(InformationCategory.ContactDetails, AudienceKind.Everyone, [AudienceKind.Everyone])],
        [new PersonRef(Daan, "Daan Jansen"), new PersonRef(Noor, "Noor Jansen")], [Jeroen, Sanne], mayUpload, false);

    [Fact]
    public void the_note_composer_offers_only_the_categories_and_audiences_the_composer_allows()
    {
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, _ => Task.FromResult<string?>(null)).Add(c => c.Composer, ParentComposer()));

        Assert.Equal(["Algemeen", "Contactgegevens"], cut.FindAll("#note-category option").Select(o => o.TextContent));
        Assert.Equal(["Standaard: Iedereen op het bord, ook het gezin", "Iedereen op het bord, ook het gezin", "Alleen bepaalde personen"],
            cut.FindAll("#note-audience option").Select(o => o.TextContent));
        Assert.Equal(["Daan Jansen", "Noor Jansen"], cut.FindAll("fieldset label").Select(l => l.TextContent.Trim()));

        cut.Find("#note-category").Change("ContactDetails");
        Assert.Equal(["Standaard: Iedereen op het bord, ook het gezin", "Iedereen op het bord, ook het gezin"],
            cut.FindAll("#note-audience option").Select(o => o.TextContent));
    }

    [Fact]
    public void named_people_are_chosen_only_with_that_audience_and_the_audience_resets_after_posting()
    {
        var sent = new List<PostItemRequest>();
        var cut = Render<NoteComposer>(p => p
            .Add(c => c.OnPost, d => { sent.Add(d); return Task.FromResult<string?>(null); })
            .Add(c => c.Composer, ParentComposer()));
        Assert.Empty(cut.FindAll("[data-testid=note-named]"));

        cut.Find("#note-audience").Change("NamedPeople");
        cut.Find("[data-testid=note-named] input").Change(true);
        cut.Find("textarea").Input("Alleen voor Jeroen");
        cut.Find("form").Submit();

        var draft = Assert.Single(sent);
        Assert.Equal(AudienceKind.NamedPeople, draft.Audience);
        Assert.Equal([Jeroen.UserId], draft.Named!);
        Assert.Equal("", cut.Find("#note-audience").GetAttribute("value") ?? "");
        Assert.Empty(cut.FindAll("[data-testid=note-named]"));

        cut.Find("textarea").Input("Voor iedereen");
        cut.Find("form").Submit();
        Assert.Null(sent[1].Audience);
        Assert.Null(sent[1].Named);
    }

    [Fact]
    public void a_composer_that_leaves_out_general_starts_on_the_first_category_it_offers()
    {
        var composer = new ComposerView([new ComposerCategory(InformationCategory.Observation, AudienceKind.Professionals, [AudienceKind.Professionals])],
            [], [], false, false);
        var sent = new List<PostItemRequest>();
        var cut = Render<NoteComposer>(p => p.Add(c => c.OnPost, d => { sent.Add(d); return Task.FromResult<string?>(null); }).Add(c => c.Composer, composer));

        cut.Find("textarea").Input("Observatie");
        cut.Find("form").Submit();

        Assert.Equal(InformationCategory.Observation, Assert.Single(sent).Category);
    }

    [Fact]
    public void the_item_composer_offers_a_document_only_to_someone_who_may_upload()
    {
        var cut = Render<ItemComposer>(p => p.Add(c => c.Composer, ParentComposer(mayUpload: false)).Add(c => c.OnPostNote, _ => Task.FromResult<string?>(null))
            .Add(c => c.OnPostDocument, _ => Task.FromResult<string?>(null)).Add(c => c.OnPostAppointment, _ => Task.FromResult<string?>(null)));

        Assert.Equal(["Notitie", "Afspraak"], cut.FindAll(".kind-option").Select(o => o.TextContent.Trim()));
        Assert.NotEmpty(cut.FindAll("[data-testid=note-composer]"));

        cut.Render(p => p.Add(c => c.Composer, ParentComposer(mayUpload: true)));
        Assert.Equal(["Notitie", "Document", "Afspraak"], cut.FindAll(".kind-option").Select(o => o.TextContent.Trim()));
        cut.Find(".kind-option input[value=Document]").Change("Document");
        Assert.NotEmpty(cut.FindAll("[data-testid=document-composer]"));
        Assert.Empty(cut.FindAll("[data-testid=note-composer]"));
    }

    [Fact]
    public void a_document_needs_a_file_within_the_limit_and_goes_with_its_facts()
    {
        var sent = new List<DocumentDraft>();
        var cut = Render<DocumentComposer>(p => p
            .Add(c => c.OnPost, d => { sent.Add(d); return Task.FromResult<string?>(null); })
            .Add(c => c.Composer, ParentComposer(mayUpload: true))
            .Add(c => c.MaxBytes, 100));

        cut.Find("form").Submit();
        Assert.Equal("Kies eerst een bestand.", cut.Find("[role=alert]").TextContent);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[200], "scan.pdf", contentType: "application/pdf"));
        Assert.Equal("Dit bestand is te groot. Het mag hoogstens 100 bytes zijn.", cut.Find("[role=alert]").TextContent);
        cut.Find("form").Submit();
        Assert.Empty(sent);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[50], "verslag.pdf", contentType: "application/pdf"));
        cut.Find("#document-text").Input("Verslag van school");
        cut.FindAll("fieldset input[type=checkbox]")[0].Change(true);
        cut.Find("#document-audience").Change("Everyone");
        cut.Find("form").Submit();

        var draft = Assert.Single(sent);
        Assert.Equal(("verslag.pdf", "Verslag van school", InformationCategory.General, AudienceKind.Everyone),
            (draft.File.Name, draft.Description, draft.Category, draft.Audience));
        Assert.Equal([Daan], draft.About);
        Assert.Equal("verslag.pdf is geplaatst.", cut.Find("[role=status]").TextContent);
        Assert.Equal("", cut.Find("#document-audience").GetAttribute("value") ?? "");
    }

    [Fact]
    public void the_familys_adults_can_take_part_in_an_appointment_too()
    {
        var sanne = new PersonRef(Guid.NewGuid(), "Sanne Jansen");
        var sent = new List<PostAppointmentRequest>();
        var cut = Render<AppointmentComposer>(p => p
            .Add(c => c.OnPost, a => { sent.Add(a); return Task.FromResult<string?>(null); })
            .Add(c => c.Composer, ParentComposer())
            .Add(c => c.LoadAdults, () => Task.FromResult<IReadOnlyList<PersonRef>>([sanne, new PersonRef(Daan, "Daan Jansen")])));

        var labels = cut.FindAll("[data-testid=appointment-participants] label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Daan Jansen", "Noor Jansen", "Sanne Jansen", "Jeroen de Vries (jeugdhulp)"], labels);
        cut.FindAll("[data-testid=appointment-participants] input")[2].Change(true);
        cut.Find("#appointment-title").Input("Thuis");
        cut.Find("#appointment-day").Change("2026-12-03");
        cut.Find("#appointment-time").Change("16:00");
        cut.Find("form").Submit();

        Assert.Equal([sanne.PersonId], Assert.Single(sent).ParticipantPersons!);
    }

    [Fact]
    public void an_appointment_needs_a_title_a_day_and_a_time_and_is_sent_in_dutch_time_with_its_participants()
    {
        var sent = new List<PostAppointmentRequest>();
        var cut = Render<AppointmentComposer>(p => p
            .Add(c => c.OnPost, a => { sent.Add(a); return Task.FromResult<string?>(null); })
            .Add(c => c.Composer, ParentComposer()));

        cut.Find("form").Submit();
        Assert.Equal("Geef de afspraak een titel.", cut.Find("[role=alert]").TextContent);
        cut.Find("#appointment-title").Input("Gesprek op school");
        cut.Find("form").Submit();
        Assert.Equal("Kies een datum en een tijd.", cut.Find("[role=alert]").TextContent);

        cut.Find("#appointment-day").Change("2026-07-01");
        cut.Find("#appointment-time").Change("10:15");
        cut.Find("#appointment-duration").Change("90");
        cut.Find("#appointment-place").Change("De Regenboog");
        cut.Find("#appointment-video").Change("ftp://nee");
        cut.Find("form").Submit();
        Assert.Equal("De videolink moet beginnen met https://", cut.Find("[role=alert]").TextContent);
        cut.Find("#appointment-video").Change("");

        // Family members come as persons; of the users only the professionals take part as users.
        var participants = cut.Find("[data-testid=appointment-participants]");
        Assert.Equal(["Daan Jansen", "Noor Jansen", "Jeroen de Vries (jeugdhulp)"], participants.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        participants.QuerySelectorAll("input")[0].Change(true);
        cut.Find("[data-testid=appointment-participants]").QuerySelectorAll("input")[2].Change(true);
        cut.Find("form").Submit();

        var appointment = Assert.Single(sent);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 15, 0, TimeSpan.FromHours(2)), appointment.Start);
        Assert.Equal(("Gesprek op school", 90, "De Regenboog", null), (appointment.Title, appointment.DurationMinutes, appointment.Place, appointment.VideoLink));
        Assert.Equal([Daan], appointment.ParticipantPersons!);
        Assert.Equal([Jeroen.UserId], appointment.ParticipantUsers!);
        Assert.Equal(InformationCategory.General, appointment.Category);
        Assert.Equal("De afspraak \"Gesprek op school\" is geplaatst.", cut.Find("[role=status]").TextContent);
        Assert.Equal("", cut.Find("#appointment-title").GetAttribute("value") ?? "");
    }
}
