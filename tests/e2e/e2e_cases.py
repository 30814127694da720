"""Case files for the end-to-end tests: a July date and «A & B <x>» in every text field, per language.

«&» and «<» are the characters XML must escape; July is the month a swapped
month table would print as August. The people, bodies and numbers are
fictitious (the IIN is made with ``core.case.ids.make_iin``, phones are
+7 700 000 00 xx).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MARK = "A & B <x>"
IIN = "850714400074"
"""``make_iin(date(1985, 7, 14), "female", 7)``: born on a July day, no real person."""

# A word of the document's language beside the mark, so the text is in that
# language (a document whose facts are in another language gets a note).
WORDS: dict[str, dict[str, str]] = {
    "kk": {
        "full_name": "Тестова Әйгерім",
        "birth_place": "Үлгі қаласы",
        "address": "Үлгі қаласы, Мектеп көшесі, 1-үй",
        "organization": "«Үлгі» қоғамдық бірлестігі",
        "respondent": "№ 999 учаскелік сайлау комиссиясы",
        "respondent_address": "Үлгі қаласы, Мектеп көшесі, 9-үй",
        "addressee": "Үлгі қаласының аумақтық сайлау комиссиясы",
        "addressee_address": "Үлгі қаласы, Орталық алаңы, 3-үй",
        "place": "дауыс беруге арналған үй-жай",
        "facts": "Комиссия төрағасы мені үй-жайдан шығарды.",
        "removed_by": "комиссия төрағасы",
        "reason": "«түсіруге тыйым салынған»",
        "police": "полиция қызметкері аты-жөнін айтпады",
        "steps": "шешімді көрсетуді сұрадым",
        "witnesses": "байқаушы Үлгіұлы Қайрат",
        "request": "Комиссия төрағасының әрекеттерін заңсыз деп тану.",
        "evidence": "Бейнежазба",
        "attachment": "Жолдаманың көшірмесі",
    },
    "ru": {
        "full_name": "Тестова Айгерим",
        "birth_place": "город Примерск",
        "address": "г. Примерск, ул. Школьная, д. 1",
        "organization": "ОО «Пример»",
        "respondent": "Участковая избирательная комиссия № 999",
        "respondent_address": "г. Примерск, ул. Школьная, д. 9",
        "addressee": "Территориальная избирательная комиссия города Примерск",
        "addressee_address": "г. Примерск, пл. Центральная, д. 3",
        "place": "помещение для голосования",
        "facts": "Председатель комиссии удалил меня из помещения.",
        "removed_by": "председатель комиссии",
        "reason": "«снимать запрещено»",
        "police": "сотрудник полиции не назвался",
        "steps": "попросила показать решение",
        "witnesses": "наблюдатель Примеров Кайрат",
        "request": "Признать действия председателя комиссии незаконными.",
        "evidence": "Видеозапись",
        "attachment": "Копия направления",
    },
    "en": {
        "full_name": "Aigerim Testova",
        "birth_place": "Primersk",
        "address": "1 School Street, Primersk",
        "organization": "Example public association",
        "respondent": "Precinct election commission No. 999",
        "respondent_address": "9 School Street, Primersk",
        "addressee": "Territorial election commission of Primersk",
        "addressee_address": "3 Central Square, Primersk",
        "place": "the polling premises",
        "facts": "The chair of the commission removed me from the premises.",
        "removed_by": "the chair of the commission",
        "reason": "“filming is forbidden”",
        "police": "a police officer who gave no name",
        "steps": "I asked to see the decision",
        "witnesses": "observer Kairat Primerov",
        "request": "Declare the actions of the chair of the commission unlawful.",
        "evidence": "Video recording",
        "attachment": "Copy of the letter of appointment",
    },
}


# Lines of the document, in this order (others may stand between them), typed
# out from templates/_frame.toml and templates/observer_removed.toml (2.0.0):
# under «Кімге:»/«Шағым беруші:» a name stands on its own line; the
# circumstances are the kind's sentence that states no answer (the date and
# the station), then the user's facts in place of the answers' sentences; the
# legal argument for a territorial commission hearing a precinct one; the
# closing sentence with the day of the action.
GOLDEN = {
    "kk": [
        "Кімге:",
        "A & B <x> Үлгі қаласының аумақтық сайлау комиссиясы",
        "Орналасқан жері: A & B <x> Үлгі қаласы, Орталық алаңы, 3-үй",
        "Телефоны: +7 700 000 00 13",
        "Шағым беруші:",
        "A & B <x> Тестова Әйгерім",
        "ЖСН: 850714400074",
        "Туған күні мен жері: 1985 жылғы 14 шілде, A & B <x> Үлгі қаласы",
        "Тұрғылықты жері: A & B <x> Үлгі қаласы, Мектеп көшесі, 1-үй",
        "Телефоны: +7 700 000 00 11",
        "Электрондық поштасы: observer@example.org",
        "Мәртебесі: байқаушы",
        "Ұйымы: A & B <x> «Үлгі» қоғамдық бірлестігі",
        "Шешіміне (әрекетіне, әрекетсіздігіне) шағым жасалатын орган:",
        "A & B <x> № 999 учаскелік сайлау комиссиясы",
        "Орналасқан жері: A & B <x> Үлгі қаласы, Мектеп көшесі, 9-үй",
        "Телефоны: +7 700 000 00 12",
        "ШАҒЫМ",
        "байқаушыны сайлау учаскесінен заңсыз шығару туралы",
        "Шағымданылатын шешім (әрекет, әрекетсіздік)",
        "Түрі: әрекет",
        "Әрекет (әрекетсіздік) күні: 2021 жылғы 11 шілде",
        "Уақыты: 14:30",
        "Орны: A & B <x> дауыс беруге арналған үй-жай",
        "Мән-жайлар",
        "2021 жылғы 11 шілде күні № 999 сайлау учаскесінде байқау жүргізіп жатқан кезімде "
        "мені дауыс беруге арналған үй-жайдан шығарды.",
        "A & B <x> Комиссия төрағасы мені үй-жайдан шығарды.",
        "Құқықтық негіздеме",
        "Маған қатысты мұндай шешім қабылданған жоқ (қалай болғанда да, ол маған көрсетілген жоқ), сондықтан "
        "қандай себеп айтылғанына қарамастан мені шығару заңда белгіленген тәртіпті бұза отырып жүзеге асырылды.",
        "Полиция қызметкерлері сайлау комиссиясының шығару туралы шешімінің орындалуын қамтамасыз етуге құқылы, "
        "бірақ мұндай шешім болмаған кезде байқаушыны шығаруға құқығы жоқ.",
        "Аумақтық сайлау комиссиясы округтік және учаскелік сайлау комиссияларының шешімдері мен әрекеттеріне "
        "(әрекетсіздігіне) берілген шағымдарды қарайды (Конституциялық заңның 14-бабының 3) тармақшасы).",
        "Қолданылатын құқық нормалары:",
        "Жоғарыда баяндалғанның негізінде СҰРАЙМЫН:",
        "1. A & B <x> Комиссия төрағасының әрекеттерін заңсыз деп тану.",
        "Осы шағым шағымданылып отырған шешім қабылданған (әрекет, әрекетсіздік орын алған) күннен "
        "(2021 жылғы 11 шілде) бастап он күн ішінде, яғни Конституциялық заңның 20-бабының 9-тармағында "
        "белгіленген мерзімде беріліп отыр.",
        "Шағымды Конституциялық заңның 49-бабында белгіленген мерзімде менің қатысуыммен қарауды және қарайтын "
        "уақыты мен орны туралы жоғарыда көрсетілген телефон немесе электрондық пошта арқылы хабарлауды сұраймын.",
        "Дәлелдемелер тізбесі",
        "1. A & B <x> Бейнежазба",
        "Қосымшалар:",
        "1. A & B <x> Жолдаманың көшірмесі",
        "2021 жылғы 13 шілде",
        "____________ /A & B <x> Тестова Әйгерім/",
    ],
    "ru": [
        "Кому:",
        "A & B <x> Территориальная избирательная комиссия города Примерск",
        "Местонахождение: A & B <x> г. Примерск, пл. Центральная, д. 3",
        "Телефон: +7 700 000 00 13",
        "Заявитель:",
        "A & B <x> Тестова Айгерим",
        "ИИН: 850714400074",
        "Дата и место рождения: 14 июля 1985 года, A & B <x> город Примерск",
        "Место жительства: A & B <x> г. Примерск, ул. Школьная, д. 1",
        "Телефон: +7 700 000 00 11",
        "Электронная почта: observer@example.org",
        "Статус: наблюдатель",
        "Организация: A & B <x> ОО «Пример»",
        "Орган, решение (действие, бездействие) которого обжалуется:",
        "A & B <x> Участковая избирательная комиссия № 999",
        "Местонахождение: A & B <x> г. Примерск, ул. Школьная, д. 9",
        "Телефон: +7 700 000 00 12",
        "ЖАЛОБА",
        "на незаконное удаление наблюдателя с избирательного участка",
        "Обжалуемое решение (действие, бездействие)",
        "Вид: действие",
        "Дата действия (бездействия): 11 июля 2021 года",
        "Время: 14:30",
        "Место: A & B <x> помещение для голосования",
        "Обстоятельства",
        "11 июля 2021 года во время осуществления мною наблюдения на избирательном участке № 999 "
        "меня удалили из помещения для голосования.",
        "A & B <x> Председатель комиссии удалил меня из помещения.",
        "Правовое обоснование",
        "В отношении меня такое решение не принималось (во всяком случае, оно мне не предъявлялось), поэтому "
        "удаление произведено с нарушением установленного законом порядка независимо от того, какая причина "
        "была названа.",
        "Сотрудники полиции вправе обеспечивать исполнение решения избирательной комиссии об удалении, но не вправе "
        "удалять наблюдателя при отсутствии такого решения.",
        "Территориальная избирательная комиссия рассматривает жалобы на решения и действия (бездействие) окружных "
        "и участковых избирательных комиссий (подпункт 3) статьи 14 Конституционного закона).",
        "Применимые нормы права:",
        "На основании изложенного ПРОШУ:",
        "1. A & B <x> Признать действия председателя комиссии незаконными.",
        "Настоящая жалоба подаётся в течение десяти дней со дня принятия обжалуемого решения (совершения "
        "обжалуемого действия, бездействия) — 11 июля 2021 года, то есть в срок, установленный пунктом 9 "
        "статьи 20 Конституционного закона.",
        "Прошу рассмотреть жалобу в сроки, установленные статьёй 49 Конституционного закона, с моим участием, "
        "известив меня о времени и месте рассмотрения по телефону или электронной почте, указанным выше.",
        "Перечень доказательств",
        "1. A & B <x> Видеозапись",
        "Приложения:",
        "1. A & B <x> Копия направления",
        "13 июля 2021 года",
        "____________ /A & B <x> Тестова Айгерим/",
    ],
    "en": [
        "To:",
        "A & B <x> Territorial election commission of Primersk",
        "Location: A & B <x> 3 Central Square, Primersk",
        "Phone: +7 700 000 00 13",
        "Complainant:",
        "A & B <x> Aigerim Testova",
        "IIN: 850714400074",
        "Date and place of birth: 14 July 1985, A & B <x> Primersk",
        "Place of residence: A & B <x> 1 School Street, Primersk",
        "Phone: +7 700 000 00 11",
        "E-mail: observer@example.org",
        "Capacity: observer",
        "Organisation: A & B <x> Example public association",
        "Body whose decision (action, inaction) is contested:",
        "A & B <x> Precinct election commission No. 999",
        "Location: A & B <x> 9 School Street, Primersk",
        "Phone: +7 700 000 00 12",
        "COMPLAINT",
        "concerning the unlawful removal of an observer from a polling station",
        "Translation for information only. The document to be filed with the court or commission is the "
        "original in Kazakh or Russian.",
        "Contested decision (action, inaction)",
        "Type: action",
        "Date of the action (inaction): 11 July 2021",
        "Time: 14:30",
        "Place: A & B <x> the polling premises",
        "Circumstances",
        "On 11 July 2021, while I was observing at polling station No. 999, I was removed from the polling premises.",
        "A & B <x> The chair of the commission removed me from the premises.",
        "Legal grounds",
        "No such decision was taken in my case (at the very least, none was shown to me), so the removal breached "
        "the procedure laid down by law whatever reason was given.",
        "Police officers may enforce a decision of the election commission on removal, but have no power to remove "
        "an observer when there is no such decision.",
        "The territorial election commission hears complaints about decisions and actions (inaction) of district "
        "and precinct election commissions (Article 14(3) of the Constitutional Law).",
        "Applicable provisions:",
        "On the basis of the above, I ask:",
        "1. A & B <x> Declare the actions of the chair of the commission unlawful.",
        "This complaint is filed within ten days of the day the contested decision was taken or the contested "
        "action or inaction occurred (11 July 2021), that is, within the time limit set by Article 20(9) of the "
        "Constitutional Law.",
        "I ask that the complaint be considered within the time limits set by Article 49 of the Constitutional "
        "Law and in my presence, and that I be notified of the time and place of the hearing by the phone number "
        "or e-mail given above.",
        "List of evidence",
        "1. A & B <x> Video recording",
        "Attachments:",
        "1. A & B <x> Copy of the letter of appointment",
        "13 July 2021",
        "____________ /A & B <x> Aigerim Testova/",
    ],
}

# The circumstances when the case has no facts text: after the sentence of the
# date and the station, the kind's sentences that state the answers, each
# closed as a sentence (an answer ending in a closing quote gets its full stop
# after it). The same case otherwise; the other lines of GOLDEN stay.
DRAFTED = {
    "kk": [
        "Мән-жайлар",
        "2021 жылғы 11 шілде күні № 999 сайлау учаскесінде байқау жүргізіп жатқан кезімде "
        "мені дауыс беруге арналған үй-жайдан шығарды.",
        "Бұл дауыс беру барысында болды.",
        "Үй-жайдан шығуды талап еткен адам: A & B <x> комиссия төрағасы.",
        "Шығарудың себебі ретінде мыналар айтылды: A & B <x> «түсіруге тыйым салынған».",
        "Мені шығару туралы сайлау комиссиясының уәжді жазбаша шешімі маған көрсетілген де, тапсырылған да жоқ.",
        "Мені шығаруға полиция қызметкерлері қатысты.",
        "Шығаруға қатысқан полиция қызметкерлері туралы мынаны хабарлаймын: "
        "A & B <x> полиция қызметкері аты-жөнін айтпады.",
        "Шығуды талап еткенде мен мынадай әрекеттер жасадым: A & B <x> шешімді көрсетуді сұрадым.",
        "Мені шығару мына куәгерлердің көзінше болды: A & B <x> байқаушы Үлгіұлы Қайрат.",
        "Шығару мән-жайын мен жазбаға түсірдім.",
        "Құқықтық негіздеме",
    ],
    "ru": [
        "Обстоятельства",
        "11 июля 2021 года во время осуществления мною наблюдения на избирательном участке № 999 "
        "меня удалили из помещения для голосования.",
        "Это произошло во время голосования.",
        "Требование покинуть помещение предъявило следующее лицо: A & B <x> председатель комиссии.",
        "В качестве причины удаления было названо следующее: A & B <x> «снимать запрещено».",
        "Мотивированное письменное решение избирательной комиссии об удалении мне не предъявлялось и не вручалось.",
        "Удаление произведено с участием сотрудников полиции.",
        "О сотрудниках полиции, участвовавших в удалении, сообщаю следующее: A & B <x> сотрудник полиции не назвался.",
        "В ответ на требование покинуть помещение мною было сделано следующее: A & B <x> попросила показать решение.",
        "Удаление происходило в присутствии свидетелей: A & B <x> наблюдатель Примеров Кайрат.",
        "Обстоятельства удаления записаны мною.",
        "Правовое обоснование",
    ],
    "en": [
        "Circumstances",
        "On 11 July 2021, while I was observing at polling station No. 999, I was removed from the polling premises.",
        "This happened during voting.",
        "The demand to leave the premises was made by: A & B <x> the chair of the commission.",
        "The reason given for the removal was: A & B <x> “filming is forbidden”.",
        "No reasoned written decision of the election commission on my removal was shown or handed to me.",
        "Police officers took part in the removal.",
        "As to the police officers who took part in the removal, I report the following: "
        "A & B <x> a police officer who gave no name.",
        "When told to leave, I did the following: A & B <x> I asked to see the decision.",
        "The removal took place in the presence of the following witnesses: A & B <x> observer Kairat Primerov.",
        "I recorded the circumstances of the removal.",
        "Legal grounds",
    ],
}

# Never on the paper of this case: an answer the user's facts already tell
# (printed once), sentences and arguments whose conditions do not hold
# (voting, not the count; a territorial, not a district commission; no written
# decision), a question's wording, and August for July.
NOT_ON_PAPER = {
    "kk": [
        "A & B <x> комиссия төрағасы",
        "Бұл дауыстарды санау кезінде болды.",
        "Мені шығару сайлау комиссиясының жазбаша шешімімен ресімделді.",
        "Байқаушыны дауыстарды санау және хаттаманы жасау кезінде шығару",
        "Округтік сайлау комиссиясы учаскелік",
        "Учаскеден шығуды кім талап етті",
        "тамыз",
    ],
    "ru": [
        "A & B <x> председатель комиссии",
        "Это произошло во время подсчёта голосов.",
        "Удаление оформлено письменным решением избирательной комиссии.",
        "Удаление наблюдателя во время подсчёта голосов",
        "Окружная избирательная комиссия рассматривает",
        "Кто потребовал покинуть участок",
        "август",
    ],
    "en": [
        "A & B <x> the chair of the commission",
        "This happened during the counting of votes.",
        "The removal was set out in a written decision of the election commission.",
        "Removing an observer during the count",
        "The district (constituency) election commission hears",
        "Who demanded that you leave",
        "August",
    ],
}


def in_order(expected: list[str], lines: list[str]) -> list[str]:
    """The expected lines not found as whole lines, in this order, among ``lines``."""
    missing = []
    position = 0
    for line in expected:
        try:
            position = lines.index(line, position) + 1
        except ValueError:
            missing.append(line)
    return missing


def marked(language: str, key: str) -> str:
    """The text of field ``key`` in ``language``: the mark and a word of the language."""
    return f"{MARK} {WORDS[language][key]}"


def case_data(language: str) -> dict[str, Any]:
    """An ``observer_removed`` case: removed on Sunday 11 July 2021, filed on 13 July 2021, nothing missing."""
    w = lambda key: marked(language, key)  # noqa: E731 - a short local spelling
    return {
        "format": "kzcomplaint/1",
        "template": "observer_removed",
        "language": language,
        "election": {"kind": "parliamentary", "voting_day": "2021-07-11"},
        "complainant": {
            "full_name": w("full_name"),
            "iin": IIN,
            "birth_date": "1985-07-14",
            "birth_place": w("birth_place"),
            "address": w("address"),
            "phone": "+7 700 000 00 11",
            "email": "observer@example.org",
            "role": "observer",
            "organization": w("organization"),
            "power_of_attorney": "",
        },
        "representative": None,
        "respondent": {
            "level": "precinct",
            "name": w("respondent"),
            "number": "999",
            "address": w("respondent_address"),
            "phone": "+7 700 000 00 12",
            "email": "",
            "bin": "",
        },
        "addressee": {
            "level": "territorial",
            "name": w("addressee"),
            "number": "",
            "address": w("addressee_address"),
            "phone": "+7 700 000 00 13",
            "email": "",
            "bin": "",
        },
        "contested": {
            "type": "action",
            "date": "2021-07-11",
            "time": "14:30",
            "place": w("place"),
            "decision_number": "",
            "published_in": "",
            "published_on": None,
            "received_on": None,
        },
        "facts": w("facts"),
        "details": {
            "removed_by": w("removed_by"),
            "stage": "voting",
            "stated_reason": w("reason"),
            "written_decision": "no",
            "police_involved": "yes",
            "police_details": w("police"),
            "first_steps": w("steps"),
            "witnesses": w("witnesses"),
            "recorded": "yes",
        },
        "requests": [w("request")],
        "evidence": [{"description": w("evidence"), "file": None}],
        "attachments": [w("attachment")],
        "filing_date": "2021-07-13",
    }


def write_case(path: Path, language: str) -> Path:
    """Write the case file of ``language`` to ``path``."""
    path.write_text(json.dumps(case_data(language), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path = ROOT, home: Path) -> subprocess.CompletedProcess[str]:
    """``python -m kzcomplaint --ui-lang en <args>`` in a process of its own, as a user runs it."""
    env = dict(os.environ, KZCOMPLAINT_HOME=str(home), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "kzcomplaint", "--ui-lang", "en", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


# The dates of the case as people type them in a spreadsheet, per language.
TYPED_DATES = {
    "kk": {"voting_day": "2021 жылғы 11 шілде", "contested": "2021 жылғы 11 шілде", "filed": "2021 жылғы 13 шілде"},
    "ru": {"voting_day": "11.07.2021", "contested": "11 июля 2021 г.", "filed": "13.07.2021"},
    "en": {"voting_day": "11 July 2021", "contested": "July 11, 2021", "filed": "2021-07-13"},
}


def csv_row(language: str) -> dict[str, str]:
    """The case of ``language`` as one spreadsheet row: dotted columns, dates as typed, lists joined by «|»."""
    data = case_data(language)
    dates = TYPED_DATES[language]
    row = {"template": data["template"], "language": language}
    row["election.kind"] = data["election"]["kind"]
    row["election.voting_day"] = dates["voting_day"]
    for section in ("complainant", "respondent", "addressee"):
        for key, value in data[section].items():
            if value:
                row[f"{section}.{key}"] = value
    for key in ("type", "time", "place"):
        row[f"contested.{key}"] = data["contested"][key]
    row["contested.date"] = dates["contested"]
    row["facts"] = data["facts"]
    for key, value in data["details"].items():
        row[f"details.{key}"] = value
    row["requests"] = " | ".join(data["requests"])
    row["evidence.1.description"] = data["evidence"][0]["description"]
    row["attachments"] = " | ".join(data["attachments"])
    row["filing_date"] = dates["filed"]
    return row


def csv_text(rows: list[dict[str, str]], separator: str) -> str:
    """A CSV file's text as a spreadsheet writes it: CRLF line ends, a cell quoted only when it must be."""

    def cell(value: str) -> str:
        if any(ch in value for ch in (separator, '"', "\n", "\r")):
            return '"' + value.replace('"', '""') + '"'
        return value

    columns = list(rows[0])
    lines = [separator.join(columns)]
    lines += [separator.join(cell(row.get(column, "")) for column in columns) for row in rows]
    return "\r\n".join(lines) + "\r\n"
