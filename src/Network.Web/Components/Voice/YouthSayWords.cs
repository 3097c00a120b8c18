using static Network.Web.Texts;

namespace Network.Web.Components.Voice;

/// <summary>Plain words (B1) for the youth's say: what each kind of information is, said to a youth.</summary>
public static class YouthSayWords
{
    public static string What(InformationCategory category) => category switch
    {
        InformationCategory.Medical => T("Gezondheid: wat een arts of hulpverlener opschrijft over je lichaam of hoe je je voelt.",
                                         "Health: what a doctor or care worker writes about your body or how you feel."),
        InformationCategory.Justice => T("Justitie: wat over politie, de rechter of jeugdreclassering gaat.",
                                         "Justice: what is about the police, the judge or youth probation."),
        InformationCategory.Safety => T("Veiligheid: afspraken over je veiligheid.", "Safety: agreements about your safety."),
        InformationCategory.Plan => T("Het gezinsplan: doelen en afspraken.", "The family plan: goals and agreements."),
        InformationCategory.General => T("Algemeen: afspraken en berichten.", "General: appointments and messages."),
        InformationCategory.Observation => T("Wat hulpverleners zien en opschrijven, als zij het met het gezin delen.",
                                             "What care workers notice and write down, when they share it with the family."),
        InformationCategory.PerspectivePlan => T("Het plan over waar je woont en opgroeit.", "The plan about where you live and grow up."),
        InformationCategory.CourtMeasure => T("Wat de rechter besliste over hulp voor het gezin.", "What the judge decided about help for the family."),
        _ => CategoryName(category),
    };
}
