using System.Text;
using Marten;
using Network.Api.Features.Documents;

namespace Network.Api.Infrastructure.Setup;

/// <summary>
/// Beyond the plan, what the demo family's boards hold, made through the same decisions as the app:
/// a themed board for Noor with a school report (a PDF), an appointment at school next week with
/// Noor, her mother and the coordinator, shown on the family board as well, and a few replies.
/// </summary>
internal static class DemoItems
{
    public static async Task ForJansenAsync(
        IDocumentSession session, IFileStore files, FamilyOf family, Actor coordinator, Actor mother, PersonId noor, DateTimeOffset now, CancellationToken ct)
    {
        var table = AuthorizationTable.Default;
        var boardId = BoardId.New();
        var opened = Board.OpenThemed(boardId, family, coordinator, "Noor", table, now.AddDays(-6), [noor]);
        session.Events.StartStream<Board>(boardId.Value, [.. opened]);
        var board = opened.Aggregate((Board?)null, Board.Evolve)!;
        var aboutNoor = new ItemChoices(InformationCategory.General, [noor], Audience.Everyone);

        var pdf = Encoding.ASCII.GetBytes(SchoolReport);
        await using var content = new MemoryStream(pdf);
        var stored = await files.SaveAsync(content, pdf.Length, ct);
        var file = new DocumentFile(stored.Id, "Verslag schoolgesprek Noor.pdf", "application/pdf", stored.Size, stored.Sha256);
        var documentId = ItemId.New();
        var document = ItemDecisions.Post(board, family, table, coordinator, documentId,
            "Verslag van het gesprek met de mentor: Noor gaat er op school op vooruit.", aboutNoor, now.AddDays(-5), document: file);
        var item = document.Aggregate((Item?)null, Item.Evolve)!;
        var reply = Conversations.Reply(item, family, table, mother, Guid.CreateVersion7(), "Fijn om te lezen, dank je wel!", now.AddDays(-4));
        session.Events.StartStream<Item>(documentId.Value, [.. document, .. reply]);

        var start = new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime.AddDays(7)), new TimeOnly(9, 0), TimeSpan.Zero);
        var appointmentId = ItemId.New();
        var appointment = ItemDecisions.Post(board, family, table, coordinator, appointmentId, "Gesprek op school over Noor", aboutNoor, now.AddDays(-2),
            appointment: new AppointmentFields(start, 45, "Stedelijk Gymnasium, Utrecht", null, [mother.PersonId!.Value, noor], [coordinator.UserId]));
        var planned = appointment.Aggregate((Item?)null, Item.Evolve)!;
        var answer = Conversations.Reply(planned, family, table, mother, Guid.CreateVersion7(), "Ik kan die ochtend, ik kom met Noor.", now.AddDays(-1));
        session.Events.StartStream<Item>(appointmentId.Value, [.. appointment, .. answer]);
    }

    /// <summary>A one-page PDF: "Verslag schoolgesprek Noor".</summary>
    private const string SchoolReport = """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
        4 0 obj << /Length 88 >> stream
        BT /F1 18 Tf 72 760 Td (Verslag schoolgesprek Noor) Tj 0 -28 Td /F1 12 Tf (Noor gaat vooruit.) Tj ET
        endstream endobj
        5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """;
}
