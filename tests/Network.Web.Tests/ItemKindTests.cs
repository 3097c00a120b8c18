using Microsoft.AspNetCore.Components.Forms;
using Network.Web.Components.Boards;
using static Network.Web.Tests.Samples;

namespace Network.Web.Tests;

/// <summary>Documents, appointments, replies and the badges on the timeline.</summary>
public sealed class ItemKindTests : BunitContext
{
    public ItemKindTests() => CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");

    private IRenderedComponent<Timeline> RenderTimeline(ItemView item, ItemActions? actions = null) =>
        Render<Timeline>(p => p.Add(t => t.Entries, [item]).Add(t => t.People, People).Add(t => t.Actions, actions ?? Actions()));

    [Fact]
    public void every_item_shows_its_kind_category_subjects_and_audience_in_words()
    {
        var item = Item(3, "Jeroen de Vries", "Daan slaapt slecht", category: InformationCategory.Observation) with
        {
            About = [Daan, Guid.NewGuid()], Audience = AudienceKind.Professionals,
        };

        var cut = RenderTimeline(item);

        Assert.Equal("Notitie", cut.Find("[data-testid=kind-badge]").TextContent);
        Assert.Equal("Soort informatie: Observatie", cut.Find("[data-testid=category-badge]").TextContent);
        Assert.Equal("Over Daan Jansen, een gezinslid", cut.Find("[data-testid=about-badge]").TextContent);
        Assert.Equal("Zichtbaar voor: Alleen professionals", cut.Find("[data-testid=audience-badge]").TextContent);
        Assert.Equal("Notitie van Jeroen de Vries", cut.Find("article").GetAttribute("aria-label"));
        foreach (var code in new[] { "Observation", "Professionals", "Note" }) Assert.DoesNotContain(code, cut.Find("article").TextContent);
    }

    [Fact]
    public void an_item_about_nobody_in_particular_is_about_the_whole_family_and_badges_speak_english_too()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-GB");

        var cut = RenderTimeline(Appointment(4));

        Assert.Equal("Appointment", cut.Find("[data-testid=kind-badge]").TextContent);
        Assert.Equal("About the whole family", cut.Find("[data-testid=about-badge]").TextContent);
        Assert.Equal("Visible to: Everyone on the board, the family too", cut.Find("[data-testid=audience-badge]").TextContent);
        Assert.Equal("Tue 1-12-2026 10:00 to 11:00", cut.Find("[data-testid=appointment-when]").TextContent);
    }

    [Fact]
    public void on_the_family_board_an_item_of_a_themed_board_names_that_board()
    {
        var noorBoard = Guid.NewGuid();
        var item = Document(5) with { Boards = [noorBoard] };

        var cut = Render<Timeline>(p => p.Add(t => t.Entries, [item]).Add(t => t.People, People)
            .Add(t => t.Boards, [new BoardRef(Guid.NewGuid(), "Gezinsbord Jansen"), new BoardRef(noorBoard, "Noor", Themed: true)]));

        Assert.Equal("Bord: Noor", cut.Find("[data-testid=board-badge]").TextContent);
    }

    [Fact]
    public void a_document_links_to_its_file_and_preview_through_this_app_with_its_type_size_and_earlier_versions()
    {
        var doc = Document(5, versions: 2);

        var cut = RenderTimeline(doc);

        var download = cut.Find("[data-testid=document-download]");
        Assert.Equal($"/bestanden/{doc.ItemId}", download.GetAttribute("href"));
        Assert.Equal("verslag.pdf", download.GetAttribute("download"));
        Assert.Equal("Downloaden: verslag.pdf", download.TextContent.Trim());
        Assert.Equal("(PDF, 240 kB, versie 2)", cut.Find("[data-testid=document-facts]").TextContent);
        Assert.Equal($"/bestanden/{doc.ItemId}/voorbeeld", cut.Find("[data-testid=document-preview]").GetAttribute("href"));
        Assert.Equal("Verslag van het gesprek", cut.Find(".text").TextContent);
        var earlier = cut.Find("[data-testid=document-versions]");
        Assert.Contains("Eerdere versies (1)", earlier.TextContent);
        Assert.Equal($"/bestanden/{doc.ItemId}?version=1", earlier.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Document", cut.Find("[data-testid=kind-badge]").TextContent);
    }

    [Fact]
    public void an_office_document_has_no_preview_and_no_upload_for_someone_who_did_not_write_it()
    {
        var cut = RenderTimeline(Document(5, "plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 3_300_000,
            previewable: false, text: ""), Actions() with { UploadVersion = (_, _) => Task.FromResult<string?>(null) });

        Assert.Empty(cut.FindAll("[data-testid=document-preview]"));
        Assert.Empty(cut.FindAll(".text"));
        Assert.Equal("(tekstdocument, 3,1 MB)", cut.Find("[data-testid=document-facts]").TextContent);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Contains("Nieuwe versie"));
    }

    [Fact]
    public void the_author_uploads_a_new_version_and_a_file_over_the_limit_is_refused_before_sending()
    {
        var uploaded = new List<(ItemView Item, string Name)>();
        var doc = Document(5, mayCorrect: true);
        var cut = RenderTimeline(doc, Actions() with
        {
            UploadVersion = (item, file) => { uploaded.Add((item, file.Name)); return Task.FromResult<string?>(null); },
        });

        cut.FindAll("button").Single(b => b.TextContent == "Nieuwe versie uploaden").Click();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[10], "groot.pdf", contentType: "application/pdf"));
        var entry = cut.FindComponent<Network.Web.Components.Documents.DocumentEntry>();
        entry.Render(p => p.Add(d => d.MaxBytes, 5));
        cut.Find("[data-testid=version-form]").Submit();
        Assert.Equal("Dit bestand is te groot. Het mag hoogstens 5 bytes zijn.", cut.Find("[role=alert]").TextContent);
        Assert.Empty(uploaded);

        entry.Render(p => p.Add(d => d.MaxBytes, 1000));
        cut.Find("[data-testid=version-form]").Submit();
        Assert.Equal([(doc, "groot.pdf")], uploaded);
        Assert.Empty(cut.FindAll("[data-testid=version-form]"));
    }

    [Fact]
    public void an_appointment_shows_when_where_who_a_video_link_and_an_ics_download_in_dutch_time()
    {
        var appointment = Appointment(6);

        var cut = RenderTimeline(appointment);

        Assert.Equal("Gesprek op school", cut.Find(".text").TextContent);
        Assert.Equal("di 1-12-2026 10:00 tot 11:00", cut.Find("[data-testid=appointment-when]").TextContent);
        Assert.Equal("De Regenboog, Utrecht", cut.Find("[data-testid=appointment-place]").TextContent);
        Assert.Equal("Daan Jansen, Fatima El Amrani", cut.Find("[data-testid=appointment-participants]").TextContent);
        Assert.Equal($"/afspraken/{appointment.ItemId}.ics", cut.Find("[data-testid=appointment-ics]").GetAttribute("href"));
        var video = cut.FindAll("a").Single(a => a.TextContent == "Meedoen via video");
        Assert.Equal("noopener noreferrer", video.GetAttribute("rel"));
        Assert.Equal("Afspraak", cut.Find("[data-testid=kind-badge]").TextContent);
    }

    [Fact]
    public void a_video_link_that_is_not_a_web_address_is_not_a_link()
    {
        var item = Appointment(6);
        item = item with { Appointment = item.Appointment! with { VideoLink = "javascript:alert(1)" } };

        var cut = RenderTimeline(item);

        Assert.DoesNotContain("javascript:", cut.Markup);
    }

    [Fact]
    public void a_cancelled_appointment_stays_marked_with_its_reason_without_an_ics_or_a_change()
    {
        var cut = RenderTimeline(Appointment(7, cancelled: true, reason: "Daan is ziek", mayCorrect: true),
            Actions() with { CancelAppointment = (_, _) => Task.FromResult<string?>(null) });

        Assert.Equal("Afgezegd: Daan is ziek", cut.Find("[data-testid=appointment-cancelled]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=appointment-ics]"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent == "Afspraak afzeggen");
    }

    [Fact]
    public void the_author_changes_and_cancels_an_appointment()
    {
        var changes = new List<ChangeAppointmentRequest>();
        var cancels = new List<string?>();
        var cut = RenderTimeline(Appointment(7, mayCorrect: true), Actions() with
        {
            ChangeAppointment = (_, change) => { changes.Add(change); return Task.FromResult<string?>(null); },
            CancelAppointment = (_, reason) => { cancels.Add(reason); return Task.FromResult<string?>(null); },
        });

        cut.FindAll("button").Single(b => b.TextContent == "Afspraak wijzigen").Click();
        var form = cut.Find("[data-testid=appointment-change-form]");
        Assert.Equal("Gesprek op school", form.QuerySelector("input")!.GetAttribute("value"));
        cut.Find("[data-testid=appointment-change-form] input[type=time]").Change("14:30");
        cut.Find("[data-testid=appointment-change-form]").Submit();
        var change = Assert.Single(changes);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.FromHours(1)), change.Start);
        Assert.Equal(("Gesprek op school", 60, "De Regenboog, Utrecht"), (change.Title, change.DurationMinutes, change.Place));
        Assert.Single(change.ParticipantPersons!);
        Assert.Single(change.ParticipantUsers!);

        cut.FindAll("button").Single(b => b.TextContent == "Afspraak afzeggen").Click();
        cut.Find("[data-testid=appointment-cancel-form] input").Change("Daan is ziek");
        cut.Find("[data-testid=appointment-cancel-form]").Submit();
        Assert.Equal(["Daan is ziek"], cancels);
    }

    [Fact]
    public void replies_show_under_the_item_and_a_reader_who_may_reply_does()
    {
        var replies = new List<string>();
        var item = Document(5) with
        {
            MayReply = true,
            Replies = [new ReplyView(Guid.NewGuid(), Guid.NewGuid(), "Sanne Jansen", ActorRole.Parent, "Dank u, ik lees het vanavond.", Monday.AddHours(2))],
        };
        var cut = RenderTimeline(item, Actions() with { Reply = (_, text) => { replies.Add(text); return Task.FromResult<string?>(null); } });

        var reply = cut.Find("[data-testid=reply]");
        Assert.Contains("Sanne Jansen", reply.TextContent);
        Assert.Contains("(ouder)", reply.TextContent);
        Assert.Contains("Dank u, ik lees het vanavond.", reply.TextContent);

        cut.FindAll("button").Single(b => b.TextContent == "Reageren").Click();
        cut.Find("[data-testid=reply-form]").Submit();
        Assert.Equal("Schrijf eerst een reactie.", cut.Find("[role=alert]").TextContent);
        cut.Find("[data-testid=reply-form] textarea").Input("  Kan het ook op woensdag?  ");
        cut.Find("[data-testid=reply-form]").Submit();
        Assert.Equal(["Kan het ook op woensdag?"], replies);
        Assert.Empty(cut.FindAll("[data-testid=reply-form]"));
    }

    [Fact]
    public void someone_who_may_not_reply_reads_the_replies_without_a_form()
    {
        var item = Item(3, "Jeroen", "Tekst") with
        {
            Replies = [new ReplyView(Guid.NewGuid(), Guid.NewGuid(), "Fatima El Amrani", ActorRole.NeighbourhoodTeam, "Goed idee", Monday)],
        };

        var cut = RenderTimeline(item, Actions() with { Reply = (_, _) => Task.FromResult<string?>(null) });

        Assert.Single(cut.FindAll("[data-testid=reply]"));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent == "Reageren");
    }

    private static ItemActions Actions() => new(
        _ => Task.FromResult<string?>(null),
        _ => Task.FromResult<ItemHistory?>(null),
        (_, _, _) => Task.FromResult<string?>(null),
        (_, _) => Task.FromResult<string?>(null),
        (_, _) => Task.FromResult<string?>(null));
}
