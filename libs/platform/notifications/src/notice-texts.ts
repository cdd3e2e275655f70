import type { NoticeKind, NoticeLanguage } from './notice';

/** One notice's words: the subject and the paragraphs of the body. No placeholders: nothing is filled in. */
export interface NoticeText {
  subject: string;
  paragraphs: readonly string[];
}

/** Per language: the greeting, the closing line every mail ends with, and the text of each kind. */
export interface NoticeCatalogue {
  greeting: string;
  footer: string;
  kinds: Record<NoticeKind, NoticeText>;
}

// Written to be read on a shared screen or a phone's lock screen: nothing says what the case is about, which case it
// is, or who wrote. The reporter's text is the same for every kind of news.
const nl: NoticeCatalogue = {
  greeting: 'Hallo,',
  footer: 'Dit is een automatisch bericht van Vertrouwd; antwoorden op deze e-mail worden niet gelezen.',
  kinds: {
    'case-news': {
      subject: 'Er is nieuws over je melding',
      paragraphs: [
        'Er is nieuws over je melding. Log in met je meldcode en wachtwoordzin om het te lezen.',
        'In deze e-mail staat bewust niets over de inhoud: wat je hebt gemeld, blijft op het platform.',
      ],
    },
    'case-assigned': {
      subject: 'Er is een melding aan je toegewezen',
      paragraphs: [
        'Er is een nieuwe melding aan je toegewezen. Log in op Vertrouwd om deze te bekijken en de ontvangst op tijd te bevestigen.',
      ],
    },
    'reporter-message': {
      subject: 'Nieuw bericht van een melder',
      paragraphs: ['Een melder heeft je een nieuw bericht gestuurd in een van je meldingen. Log in op Vertrouwd om het te lezen.'],
    },
    'summary-answered': {
      subject: 'Een melder heeft op een samenvatting gereageerd',
      paragraphs: [
        'Een melder heeft gereageerd op een samenvatting die je hebt gedeeld: akkoord gegeven of een correctie gestuurd. Log in op Vertrouwd om de reactie te bekijken.',
      ],
    },
    'deadline-near': {
      subject: 'Een termijn verloopt binnen twee dagen',
      paragraphs: [
        'In een van je meldingen verloopt binnen twee dagen een termijn (ontvangstbevestiging of terugkoppeling). Log in op Vertrouwd om te zien welke.',
      ],
    },
    'case-waiting': {
      subject: 'Een melding wacht op toewijzing',
      paragraphs: [
        'Een melding wacht langer dan de afgesproken tijd op een vertrouwenspersoon. Log in op Vertrouwd om deze toe te wijzen.',
      ],
    },
    'case-unmatched': {
      subject: 'Geen vertrouwenspersoon gevonden voor een melding',
      paragraphs: [
        'Voor een nieuwe melding kon geen vertrouwenspersoon worden gekozen. Log in op Vertrouwd om te zien waarom en de melding zelf toe te wijzen.',
      ],
    },
  },
};

const en: NoticeCatalogue = {
  greeting: 'Hello,',
  footer: 'This is an automatic message from Vertrouwd; replies to this e-mail are not read.',
  kinds: {
    'case-news': {
      subject: 'There is news about your report',
      paragraphs: [
        'There is news about your report. Log in with your receipt code and passphrase to read it.',
        'This e-mail deliberately says nothing about the content: what you reported stays on the platform.',
      ],
    },
    'case-assigned': {
      subject: 'A case has been assigned to you',
      paragraphs: ['A new case has been assigned to you. Log in to Vertrouwd to view it and acknowledge receipt in time.'],
    },
    'reporter-message': {
      subject: 'New message from a reporter',
      paragraphs: ['A reporter has sent you a new message in one of your cases. Log in to Vertrouwd to read it.'],
    },
    'summary-answered': {
      subject: 'A reporter has answered a summary',
      paragraphs: ['A reporter has answered a summary you shared, approving or correcting it. Log in to Vertrouwd to see the answer.'],
    },
    'deadline-near': {
      subject: 'A deadline falls within two days',
      paragraphs: [
        'A deadline in one of your cases (acknowledgement or feedback) falls within two days. Log in to Vertrouwd to see which.',
      ],
    },
    'case-waiting': {
      subject: 'A case is waiting for assignment',
      paragraphs: ['A case has been waiting for a counsellor longer than the agreed time. Log in to Vertrouwd to assign it.'],
    },
    'case-unmatched': {
      subject: 'No counsellor found for a case',
      paragraphs: ['No counsellor could be chosen for a new case. Log in to Vertrouwd to see why and to assign it yourself.'],
    },
  },
};

const pl: NoticeCatalogue = {
  greeting: 'Dzień dobry,',
  footer: 'To jest automatyczna wiadomość z platformy Vertrouwd; odpowiedzi na nią nie są czytane.',
  kinds: {
    'case-news': {
      subject: 'Jest nowa informacja w Twojej sprawie',
      paragraphs: [
        'W Twojej sprawie pojawiła się nowa informacja. Zaloguj się, używając kodu zgłoszenia i hasła, aby ją przeczytać.',
        'Ta wiadomość celowo nie zawiera żadnych szczegółów: treść Twojego zgłoszenia pozostaje na platformie.',
      ],
    },
    'case-assigned': {
      subject: 'Przydzielono Ci nową sprawę',
      paragraphs: ['Przydzielono Ci nową sprawę. Zaloguj się do Vertrouwd, aby ją zobaczyć i w terminie potwierdzić jej otrzymanie.'],
    },
    'reporter-message': {
      subject: 'Nowa wiadomość od osoby zgłaszającej',
      paragraphs: ['Osoba zgłaszająca wysłała Ci nową wiadomość w jednej z Twoich spraw. Zaloguj się do Vertrouwd, aby ją przeczytać.'],
    },
    'summary-answered': {
      subject: 'Osoba zgłaszająca odpowiedziała na podsumowanie',
      paragraphs: [
        'Osoba zgłaszająca odpowiedziała na udostępnione przez Ciebie podsumowanie: zatwierdziła je lub poprawiła. Zaloguj się do Vertrouwd, aby zobaczyć odpowiedź.',
      ],
    },
    'deadline-near': {
      subject: 'Termin upływa w ciągu dwóch dni',
      paragraphs: [
        'W jednej z Twoich spraw w ciągu dwóch dni upływa termin (potwierdzenia otrzymania lub przekazania informacji zwrotnej). Zaloguj się do Vertrouwd, aby sprawdzić, którego terminu to dotyczy.',
      ],
    },
    'case-waiting': {
      subject: 'Sprawa czeka na przydzielenie',
      paragraphs: ['Sprawa czeka na przydzielenie osoby zaufania dłużej niż ustalony czas. Zaloguj się do Vertrouwd, aby ją przydzielić.'],
    },
    'case-unmatched': {
      subject: 'Nie znaleziono osoby zaufania dla sprawy',
      paragraphs: [
        'Dla nowej sprawy nie udało się wybrać osoby zaufania. Zaloguj się do Vertrouwd, aby zobaczyć dlaczego i przydzielić ją samodzielnie.',
      ],
    },
  },
};

const tr: NoticeCatalogue = {
  greeting: 'Merhaba,',
  footer: 'Bu, Vertrouwd tarafından gönderilen otomatik bir mesajdır; bu e-postaya verilen yanıtlar okunmaz.',
  kinds: {
    'case-news': {
      subject: 'Bildiriminizle ilgili yeni bir gelişme var',
      paragraphs: [
        'Bildiriminizle ilgili yeni bir gelişme var. Okumak için bildirim kodunuz ve parola cümlenizle giriş yapın.',
        'Bu e-posta bilerek hiçbir ayrıntı içermez: bildiriminizin içeriği platformda kalır.',
      ],
    },
    'case-assigned': {
      subject: 'Size yeni bir vaka atandı',
      paragraphs: ["Size yeni bir vaka atandı. Görüntülemek ve alındığını zamanında onaylamak için Vertrouwd'a giriş yapın."],
    },
    'reporter-message': {
      subject: 'Bildirimde bulunan kişiden yeni mesaj',
      paragraphs: [
        "Bildirimde bulunan bir kişi, vakalarınızdan birinde size yeni bir mesaj gönderdi. Okumak için Vertrouwd'a giriş yapın.",
      ],
    },
    'summary-answered': {
      subject: 'Bildirimde bulunan kişi bir özete yanıt verdi',
      paragraphs: [
        "Bildirimde bulunan bir kişi, paylaştığınız bir özeti onayladı ya da düzeltti. Yanıtı görmek için Vertrouwd'a giriş yapın.",
      ],
    },
    'deadline-near': {
      subject: 'Bir sürenin dolmasına iki gün kaldı',
      paragraphs: [
        "Vakalarınızdan birinde bir süre (alındı onayı veya geri bildirim) iki gün içinde doluyor. Hangisi olduğunu görmek için Vertrouwd'a giriş yapın.",
      ],
    },
    'case-waiting': {
      subject: 'Bir vaka atanmayı bekliyor',
      paragraphs: [
        "Bir vaka, kararlaştırılan süreden daha uzun süredir bir güven kişisine atanmayı bekliyor. Atamak için Vertrouwd'a giriş yapın.",
      ],
    },
    'case-unmatched': {
      subject: 'Bir vaka için güven kişisi bulunamadı',
      paragraphs: ["Yeni bir vaka için güven kişisi seçilemedi. Nedenini görmek ve vakayı kendiniz atamak için Vertrouwd'a giriş yapın."],
    },
  },
};

const ar: NoticeCatalogue = {
  greeting: 'مرحبًا،',
  footer: 'هذه رسالة تلقائية من Vertrouwd؛ لا تتم قراءة الردود على هذا البريد الإلكتروني.',
  kinds: {
    'case-news': {
      subject: 'هناك مستجدات بشأن بلاغك',
      paragraphs: [
        'هناك مستجدات بشأن بلاغك. سجّل الدخول برمز البلاغ وعبارة المرور لقراءتها.',
        'لا تتضمن هذه الرسالة أي تفاصيل عن قصد: يبقى محتوى بلاغك على المنصة.',
      ],
    },
    'case-assigned': {
      subject: 'تم إسناد حالة جديدة إليك',
      paragraphs: ['تم إسناد حالة جديدة إليك. سجّل الدخول إلى Vertrouwd للاطلاع عليها وتأكيد استلامها في الوقت المحدد.'],
    },
    'reporter-message': {
      subject: 'رسالة جديدة من مقدّم بلاغ',
      paragraphs: ['أرسل إليك مقدّم بلاغ رسالة جديدة في إحدى حالاتك. سجّل الدخول إلى Vertrouwd لقراءتها.'],
    },
    'summary-answered': {
      subject: 'ردّ مقدّم بلاغ على ملخص',
      paragraphs: ['ردّ مقدّم بلاغ على ملخص شاركته، بالموافقة عليه أو بتصحيحه. سجّل الدخول إلى Vertrouwd للاطلاع على الرد.'],
    },
    'deadline-near': {
      subject: 'موعد نهائي يحين خلال يومين',
      paragraphs: ['يحين خلال يومين موعد نهائي في إحدى حالاتك (تأكيد الاستلام أو تقديم الرد). سجّل الدخول إلى Vertrouwd لمعرفة أيّها.'],
    },
    'case-waiting': {
      subject: 'حالة بانتظار الإسناد',
      paragraphs: ['تنتظر حالةٌ إسنادها إلى شخص مؤتمن منذ مدة تتجاوز الوقت المتفق عليه. سجّل الدخول إلى Vertrouwd لإسنادها.'],
    },
    'case-unmatched': {
      subject: 'لم يُعثر على شخص مؤتمن لحالة',
      paragraphs: ['تعذّر اختيار شخص مؤتمن لحالة جديدة. سجّل الدخول إلى Vertrouwd لمعرفة السبب ولإسنادها بنفسك.'],
    },
  },
};

/** Every notice text, per language. */
export const NOTICE_TEXTS: Record<NoticeLanguage, NoticeCatalogue> = { nl, en, pl, tr, ar };

/** Languages written right to left: their HTML part says so. */
export const RIGHT_TO_LEFT: readonly NoticeLanguage[] = ['ar'];
