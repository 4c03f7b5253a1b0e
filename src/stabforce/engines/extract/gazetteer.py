"""Who a sentence is about: countries (names, demonyms, capitals, ISO codes) and organizations.

Country names come from pycountry; demonyms, capitals used as metonyms ("Jakarta said"), common
short names and organizations are curated here. Everything is compiled into one trie-shaped regex
so a text is scanned once, case-sensitively, longest name first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from stabforce.ledger.vocab import country_name

#: Demonyms (singular adjective; plurals in -s are added automatically where listed with "+").
DEMONYMS: dict[str, str] = {
    "Afghan+": "AFG", "Albanian+": "ALB", "Algerian+": "DZA", "American+": "USA", "Argentine+": "ARG",
    "Argentinian+": "ARG", "Armenian+": "ARM", "Australian+": "AUS", "Austrian+": "AUT", "Azerbaijani+": "AZE",
    "Azeri+": "AZE", "Bahraini+": "BHR", "Bangladeshi+": "BGD", "Belarusian+": "BLR", "Belgian+": "BEL",
    "Beninese": "BEN", "Bosnian+": "BIH", "Brazilian+": "BRA", "British": "GBR", "Bruneian+": "BRN",
    "Bulgarian+": "BGR", "Burkinabe": "BFA", "Cambodian+": "KHM", "Cameroonian+": "CMR", "Canadian+": "CAN",
    "Chadian+": "TCD", "Chilean+": "CHL", "Chinese": "CHN", "Colombian+": "COL", "Croatian+": "HRV",
    "Cypriot+": "CYP", "Czech+": "CZE", "Danish": "DNK", "Djiboutian+": "DJI", "Dutch": "NLD",
    "Egyptian+": "EGY", "Emirati+": "ARE", "Eritrean+": "ERI", "Estonian+": "EST", "Ethiopian+": "ETH",
    "Fijian+": "FJI", "Filipino+": "PHL", "Finnish": "FIN", "French": "FRA", "Gambian+": "GMB",
    "Georgian+": "GEO", "German+": "DEU", "Ghanaian+": "GHA", "Greek+": "GRC", "Guinean+": "GIN",
    "Hungarian+": "HUN", "Icelandic": "ISL", "Indian+": "IND", "Indonesian+": "IDN", "Iranian+": "IRN",
    "Iraqi+": "IRQ", "Irish": "IRL", "Israeli+": "ISR", "Italian+": "ITA", "Ivorian+": "CIV",
    "Japanese": "JPN", "Jordanian+": "JOR", "Kazakh+": "KAZ", "Kazakhstani+": "KAZ", "Kenyan+": "KEN",
    "Kosovar+": "XKX", "Kosovan+": "XKX", "Kuwaiti+": "KWT", "Kyrgyz": "KGZ", "Latvian+": "LVA",
    "Lebanese": "LBN", "Liberian+": "LBR", "Libyan+": "LBY", "Lithuanian+": "LTU", "Macedonian+": "MKD",
    "Malaysian+": "MYS", "Malian+": "MLI", "Maltese": "MLT", "Mauritanian+": "MRT", "Mexican+": "MEX",
    "Moldovan+": "MDA", "Mongolian+": "MNG", "Montenegrin+": "MNE", "Moroccan+": "MAR", "Nepalese": "NPL",
    "Nepali+": "NPL", "Nigerian+": "NGA", "Nigerien+": "NER", "Norwegian+": "NOR", "Omani+": "OMN",
    "Pakistani+": "PAK", "Palestinian+": "PSE", "Paraguayan+": "PRY", "Peruvian+": "PER", "Polish": "POL",
    "Portuguese": "PRT", "Qatari+": "QAT", "Romanian+": "ROU", "Russian+": "RUS", "Rwandan+": "RWA",
    "Saudi+": "SAU", "Senegalese": "SEN", "Serb+": "SRB", "Serbian+": "SRB", "Singaporean+": "SGP",
    "Slovak+": "SVK", "Slovenian+": "SVN", "Somali+": "SOM", "South African+": "ZAF", "South Korean+": "KOR",
    "Korean+": "KOR",  # a contingent called "Korean" in the news is the Republic of Korea's
    "North Korean+": "PRK", "Spanish": "ESP", "Sri Lankan+": "LKA", "Sudanese": "SDN", "Swedish": "SWE",
    "Swiss": "CHE", "Syrian+": "SYR", "Tajik+": "TJK", "Tanzanian+": "TZA", "Thai+": "THA",
    "Togolese": "TGO", "Tunisian+": "TUN", "Turkish": "TUR", "Turkmen": "TKM", "Ugandan+": "UGA",
    "Ukrainian+": "UKR", "Uruguayan+": "URY", "Uzbek+": "UZB", "Vietnamese": "VNM", "Yemeni+": "YEM",
    "Zambian+": "ZMB", "Bolivian+": "BOL", "Venezuelan+": "VEN", "Cuban+": "CUB", "Sierra Leonean+": "SLE",
    "Congolese": "COD", "Malawian+": "MWI", "Zimbabwean+": "ZWE", "Namibian+": "NAM", "Botswanan+": "BWA",
    "Mozambican+": "MOZ", "Angolan+": "AGO", "Gabonese": "GAB", "Mongol+": "MNG", "Turk+": "TUR",
    "Briton+": "GBR", "Swede+": "SWE", "Dane+": "DNK", "Finn+": "FIN", "Pole+": "POL", "Greek Cypriot+": "CYP",
    "Bahamian+": "BHS", "Jamaican+": "JAM", "Ecuadorian+": "ECU", "Guatemalan+": "GTM", "Salvadoran+": "SLV",
    "Honduran+": "HND", "Panamanian+": "PAN", "Dominican+": "DOM", "Haitian+": "HTI", "Laotian+": "LAO",
    "Burmese": "MMR", "Myanmar": "MMR", "Maldivian+": "MDV", "Bhutanese": "BTN", "New Zealander+": "NZL",
    "Luxembourgish": "LUX", "Andorran+": "AND", "Kosovo Albanian+": "XKX", "Belizean+": "BLZ", "Burundian+": "BDI",
    "Barbadian+": "BRB", "Trinidadian+": "TTO", "Guyanese": "GUY", "Surinamese": "SUR", "Antiguan+": "ATG",
    # Nouns and variants for the people of a country ("the Spaniards", "Croats"), and the smaller contributors.
    "Spaniard+": "ESP", "Croat+": "HRV", "Slovene+": "SVN", "Luxembourger+": "LUX", "Icelander+": "ISL",
    "Somalian+": "SOM", "Bosniak+": "BIH", "Kyrgyzstani+": "KGZ", "Taiwanese": "TWN", "South Sudanese": "SSD",
    "Central African+": "CAF", "Nicaraguan+": "NIC", "Costa Rican+": "CRI", "Salvadorean+": "SLV",
    "Ecuadorean+": "ECU", "Grenadian+": "GRD", "Bajan+": "BRB", "Mauritian+": "MUS", "Malagasy": "MDG",
    "Seychellois": "SYC", "Comorian+": "COM", "Cape Verdean+": "CPV", "Cabo Verdean+": "CPV",
    "Bissau-Guinean+": "GNB", "Equatorial Guinean+": "GNQ", "Equatoguinean+": "GNQ", "Swazi+": "SWZ",
    "Basotho": "LSO", "Mosotho": "LSO", "Batswana": "BWA", "Motswana": "BWA", "Timorese": "TLS",
    "East Timorese": "TLS", "Papua New Guinean+": "PNG", "Tongan+": "TON", "Samoan+": "WSM", "Hellenic": "GRC",
    "Burkinabè": "BFA", "Tanzanians": "TZA", "Filipina+": "PHL",
}

#: Capitals (and seats of government) used as metonyms for their governments.
CAPITALS: dict[str, str] = {
    "Washington": "USA", "Jakarta": "IDN", "Islamabad": "PAK", "Rawalpindi": "PAK", "Baku": "AZE",
    "Ankara": "TUR", "Cairo": "EGY", "Amman": "JOR", "Rabat": "MAR", "Doha": "QAT", "Riyadh": "SAU",
    "Abu Dhabi": "ARE", "Manama": "BHR", "Kuwait City": "KWT", "Muscat": "OMN", "Tehran": "IRN",
    "Baghdad": "IRQ", "Damascus": "SYR", "Beirut": "LBN", "Astana": "KAZ", "Tashkent": "UZB",
    "Bishkek": "KGZ", "Dushanbe": "TJK", "Ashgabat": "TKM", "Yerevan": "ARM", "Tbilisi": "GEO",
    "Pristina": "XKX", "Prishtina": "XKX", "Tirana": "ALB", "Athens": "GRC", "Rome": "ITA", "Paris": "FRA",
    "Berlin": "DEU", "London": "GBR", "Madrid": "ESP", "Lisbon": "PRT", "Moscow": "RUS", "Beijing": "CHN",
    "Tokyo": "JPN", "Seoul": "KOR", "New Delhi": "IND", "Dhaka": "BGD", "Kathmandu": "NPL", "Colombo": "LKA",
    "Kuala Lumpur": "MYS", "Putrajaya": "MYS", "Bangkok": "THA", "Hanoi": "VNM", "Manila": "PHL",
    "Canberra": "AUS", "Ottawa": "CAN", "Buenos Aires": "ARG", "Asunción": "PRY", "Asuncion": "PRY",
    "Brasília": "BRA", "Brasilia": "BRA", "Mexico City": "MEX", "Kigali": "RWA", "Addis Ababa": "ETH",
    "Nairobi": "KEN", "Abuja": "NGA", "Accra": "GHA", "Dakar": "SEN", "Mogadishu": "SOM", "Budapest": "HUN",
    "Sofia": "BGR", "Bucharest": "ROU", "Belgrade": "SRB", "Warsaw": "POL", "Kyiv": "UKR", "Kiev": "UKR",
    "Ulaanbaatar": "MNG", "Ulan Bator": "MNG", "Algiers": "DZA", "Tunis": "TUN", "Khartoum": "SDN",
    "Nicosia": "CYP", "Oslo": "NOR", "Stockholm": "SWE", "Copenhagen": "DNK", "Helsinki": "FIN",
    "Dublin": "IRL", "Vienna": "AUT", "Bern": "CHE", "Nouakchott": "MRT", "Bandar Seri Begawan": "BRN",
    "Skopje": "MKD", "Podgorica": "MNE", "Sarajevo": "BIH", "Zagreb": "HRV", "Ljubljana": "SVN",
    "Bratislava": "SVK", "Prague": "CZE", "Tallinn": "EST", "Riga": "LVA", "Vilnius": "LTU",
    "Chisinau": "MDA", "Minsk": "BLR", "Valletta": "MLT", "Montevideo": "URY", "Santiago": "CHL",
    "Bogotá": "COL", "Bogota": "COL", "Lima": "PER", "Kampala": "UGA", "Dodoma": "TZA", "Lusaka": "ZMB",
    "Bamako": "MLI", "Niamey": "NER", "N'Djamena": "TCD", "Djibouti City": "DJI", "Asmara": "ERI",
    "Sanaa": "YEM", "Islamabad's": "PAK",
}

#: Other names and short forms of countries that pycountry does not give.
ALIASES: dict[str, str] = {
    "U.S.": "USA", "US": "USA", "U.S.A.": "USA", "USA": "USA", "United States": "USA",
    "United States of America": "USA", "America": "USA", "the States": "USA",
    "U.K.": "GBR", "UK": "GBR", "Britain": "GBR", "Great Britain": "GBR", "United Kingdom": "GBR",
    "UAE": "ARE", "U.A.E.": "ARE", "Emirates": "ARE", "United Arab Emirates": "ARE",
    "Turkey": "TUR", "Türkiye": "TUR", "Turkiye": "TUR", "Russia": "RUS", "Iran": "IRN", "Syria": "SYR",
    "South Korea": "KOR", "North Korea": "PRK", "Korea": "KOR", "Vietnam": "VNM", "Laos": "LAO", "Bolivia": "BOL",
    "Venezuela": "VEN", "Tanzania": "TZA", "Moldova": "MDA", "Czech Republic": "CZE", "Czechia": "CZE",
    "Palestine": "PSE", "State of Palestine": "PSE", "Ivory Coast": "CIV", "Côte d'Ivoire": "CIV",
    "Kosovo": "XKX", "Taiwan": "TWN", "Brunei": "BRN", "Macedonia": "MKD", "North Macedonia": "MKD",
    "Holland": "NLD", "the Netherlands": "NLD", "Netherlands": "NLD", "Vatican": "VAT", "Burma": "MMR",
    "Democratic Republic of Congo": "COD", "Democratic Republic of the Congo": "COD", "DR Congo": "COD",
    "DRC": "COD", "Congo": "COG", "Saudi": "SAU", "KSA": "SAU", "Republic of Congo": "COG",
    "Republic of the Congo": "COG", "United Republic of Tanzania": "TZA", "Republic of Tanzania": "TZA",
    "Republic of Ireland": "IRL", "Republic of Kenya": "KEN", "Republic of Rwanda": "RWA", "Republic of Uganda": "UGA",
    "Republic of South Sudan": "SSD", "Republic of Moldova": "MDA", "Republic of Cyprus": "CYP",
    # Governments' institutions and armed forces used as their country.
    "IDF": "ISR", "Israel Defense Forces": "ISR", "Israel Defence Forces": "ISR", "TNI": "IDN",
    "CENTCOM": "USA", "Pentagon": "USA", "White House": "USA", "State Department": "USA", "Kremlin": "RUS",
    "Downing Street": "GBR", "Elysee": "FRA", "Élysée": "FRA",
    # National armed forces, police forces and units known by their own names (a name that holds its country's
    # name or demonym, "Kenya Defence Forces", needs no entry). Ambiguous acronyms (ADF, SDF, CAF, BDF, RDF) are left out.
    "SANDF": "ZAF", "South African National Defence Force": "ZAF", "Bundeswehr": "DEU", "Bundespolizei": "DEU",
    "Bundesheer": "AUT", "Army Rangers Wing": "IRL", "Defence Forces of Ireland": "IRL", "Tatmadaw": "MMR",
    "Royal Marines": "GBR", "British Army": "GBR", "Royal Navy": "GBR", "Royal Air Force": "GBR", "RAF": "GBR",
    "Gurkhas": "GBR", "Brigade of Gurkhas": "GBR", "Guardia Civil": "ESP", "Legion etrangere": "FRA",
    "Foreign Legion": "FRA", "Marine nationale": "FRA",
    "Garuda Contingent": "IDN", "Garuda contingent": "IDN", "Polri": "IDN", "Kopassus": "IDN", "PLA": "CHN",
    "People's Liberation Army": "CHN", "Self-Defense Forces": "JPN", "Self-Defence Forces": "JPN", "JSDF": "JPN",
    "KDF": "KEN", "UPDF": "UGA", "ENDF": "ETH", "TPDF": "TZA", "FARDC": "COD", "FAMa": "MLI", "Tsahal": "ISR",
    "RCMP": "CAN", "Mounties": "CAN", "Carabinieri": "ITA", "Spetsnaz": "RUS", "Rosgvardia": "RUS", "Pakistan Rangers": "PAK",
    "Assam Rifles": "IND", "ROK Army": "KOR", "Republic of Korea": "KOR", "ROK": "KOR", "Zahal": "ISR",
    "Kosovo Security Force": "XKX", "Bangladesh Army": "BGD",
    # Parliaments that vote to send troops (GUIDELINE section 2: "parliament or cabinet approves sending").
    "Bundestag": "DEU", "Knesset": "ISR", "State Duma": "RUS", "Sejm": "POL", "Storting": "NOR", "Riksdag": "SWE",
    "Folketing": "DNK", "Eduskunta": "FIN", "Verkhovna Rada": "UKR", "Oireachtas": "IRL", "Dáil": "IRL",
    "Tweede Kamer": "NLD", "Grand National Assembly": "TUR", "Lok Sabha": "IND", "Majlis": "IRN",
}

#: Force names that are their country's only when the sentence also names the country ("Italian carabinieri",
#: "the carabinieri, Italy said"): alone they are a kind of police, not a contributor.
NEEDS_COUNTRY = frozenset({"Carabinieri"})

#: Organizations (the subject is the name on the right).
ORGANIZATIONS: dict[str, str] = {
    "Hamas": "Hamas", "Hezbollah": "Hezbollah", "Hizbollah": "Hezbollah", "Islamic Jihad": "Islamic Jihad",
    "Palestinian Islamic Jihad": "Islamic Jihad", "Fatah": "Fatah", "Houthis": "Houthis",
    "Palestinian Authority": "Palestinian Authority", "PA": "Palestinian Authority",
    "United Nations": "United Nations", "U.N.": "United Nations", "UN": "United Nations",
    "Security Council": "United Nations", "UN Security Council": "United Nations",
    "U.N. Security Council": "United Nations", "UNSC": "United Nations", "UNRWA": "UNRWA",
    "NATO": "NATO", "European Union": "European Union", "EU": "European Union", "E.U.": "European Union",
    "African Union": "African Union", "Arab League": "Arab League", "League of Arab States": "Arab League",
    "Organisation of Islamic Cooperation": "Organisation of Islamic Cooperation",
    "Organization of Islamic Cooperation": "Organisation of Islamic Cooperation",
    "OIC": "Organisation of Islamic Cooperation", "Board of Peace": "Board of Peace",
    "International Stabilization Force": "International Stabilization Force",
    "International Stabilisation Force": "International Stabilization Force",
    "ISF": "International Stabilization Force", "Red Cross": "Red Cross", "ICRC": "Red Cross",
    "Red Crescent": "Red Crescent", "World Bank": "World Bank", "Nato": "NATO", "AU": "African Union",
    # Missions and forces (subjects of mission totals): the key is how reports write them, the value the slug.
    "MSS": "MSS", "Multinational Security Support": "MSS", "Multinational Security Support Mission": "MSS",
    "Multinational Security Support (MSS) Mission": "MSS", "Gang Suppression Force": "GSF", "GSF": "GSF",
    "UNIFIL": "UNIFIL", "Unifil": "UNIFIL", "UN Interim Force in Lebanon": "UNIFIL",
    "United Nations Interim Force in Lebanon": "UNIFIL", "U.N. Interim Force in Lebanon": "UNIFIL",
    "AMISOM": "AMISOM", "Amisom": "AMISOM", "African Union Mission in Somalia": "AMISOM", "ATMIS": "ATMIS",
    "Atmis": "ATMIS", "African Union Transition Mission in Somalia": "ATMIS", "MINUSMA": "MINUSMA",
    "Minusma": "MINUSMA", "KFOR": "KFOR", "Kosovo Force": "KFOR", "ISAF": "ISAF",
    "International Security Assistance Force": "ISAF", "EUFOR": "EUFOR", "MINUSTAH": "MINUSTAH",
    "AFISMA": "AFISMA", "MONUSCO": "MONUSCO", "UNMISS": "UNMISS", "MINUSCA": "MINUSCA", "MNF-I": "MNF-I",
    "ECOMOG": "ECOMOG", "stabilization force": "International Stabilization Force",
    "stabilisation force": "International Stabilization Force",
    # Regional bodies that field forces, and the missions of GUIDELINE section 3 known by longer names.
    "ECOWAS": "ECOWAS", "Economic Community of West African States": "ECOWAS", "SADC": "SADC",
    "Southern African Development Community": "SADC", "ECOMIG": "ECOMIG", "Ecomig": "ECOMIG",
    "ECOWAS Mission in The Gambia": "ECOMIG", "ECOWAS Mission in the Gambia": "ECOMIG", "SAMIM": "SAMIM", "Samim": "SAMIM",
    "SADC Mission in Mozambique": "SAMIM", "Southern African Development Community Mission in Mozambique": "SAMIM",
    "INTERFET": "INTERFET", "Interfet": "INTERFET", "International Force for East Timor": "INTERFET",
    "International Force East Timor": "INTERFET", "International Force in East Timor": "INTERFET",
    "RAMSI": "RAMSI", "Ramsi": "RAMSI", "Regional Assistance Mission to Solomon Islands": "RAMSI",
    "Regional Assistance Mission to the Solomon Islands": "RAMSI", "Regional Assistance Mission": "RAMSI",
    "United Nations Mission in South Sudan": "UNMISS", "UN Mission in South Sudan": "UNMISS",
    "U.N. Mission in South Sudan": "UNMISS", "Regional Protection Force": "UNMISS",
    "Force Intervention Brigade": "MONUSCO", "MISMA": "AFISMA",
    "African-led International Support Mission in Mali": "AFISMA",
    "African-led International Support Mission to Mali": "AFISMA",
    "United Nations Stabilization Mission in Haiti": "MINUSTAH", "UN Stabilization Mission in Haiti": "MINUSTAH",
    "EUFOR RD Congo": "EUFOR", "EUFOR RD CONGO": "EUFOR", "EUFOR DR Congo": "EUFOR", "EUFOR DR CONGO": "EUFOR",
    "EUFOR Chad/RCA": "EUFOR", "EUFOR Tchad/RCA": "EUFOR", "EUFOR Althea": "EUFOR", "EU force": "EUFOR",
    "EU Force": "EUFOR", "European Union Force": "EUFOR", "European Union force": "EUFOR", "Eufor": "EUFOR",
    # Longer and lower-case names of the same missions, as reports write them out.
    "gang suppression force": "GSF", "Gang Suppression Force (GSF)": "GSF",
    "Multinational Security Support Mission in Haiti": "MSS", "Multinational Security Support mission": "MSS",
    "Multidimensional Integrated Stabilization Mission in Mali": "MINUSMA",
    "UN Multidimensional Integrated Stabilization Mission in Mali": "MINUSMA",
    "United Nations Multidimensional Integrated Stabilization Mission in Mali": "MINUSMA",
    "Multidimensional Integrated Stabilization Mission in the Central African Republic": "MINUSCA",
    "Multidimensional Integrated Stabilisation Mission in the Central African Republic": "MINUSCA",
    "Organization Stabilization Mission in the Democratic Republic of the Congo": "MONUSCO",
    "Monusco": "MONUSCO", "Minusca": "MINUSCA", "Minustah": "MINUSTAH", "Unmiss": "UNMISS",
    "AU Mission in Somalia": "AMISOM", "African Union Mission to Somalia": "AMISOM",
    "AU Transition Mission in Somalia": "ATMIS", "African Union Transition Mission": "ATMIS",
    "AUSSOM": "AUSSOM", "Aussom": "AUSSOM", "African Union Support and Stabilization Mission in Somalia": "AUSSOM",
    "AU Support and Stabilization Mission in Somalia": "AUSSOM",
    "Multinational Force-Iraq": "MNF-I", "Multi-National Force-Iraq": "MNF-I", "Multinational Force in Iraq": "MNF-I",
    "Multi-National Force – Iraq": "MNF-I", "Multinational Force – Iraq": "MNF-I",
    "NATO-led Kosovo Force": "KFOR",
    # Forces named by the annotators of 2026-12-05 (GUIDELINE section 8).
    "ECOMIL": "ECOMIL", "ECOWAS Mission in Liberia": "ECOMIL", "MISCA": "MISCA",
    "African-led International Support Mission in the Central African Republic": "MISCA",
    "African-led International Support Mission to the Central African Republic": "MISCA",
    "Resolute Support": "RSM", "Resolute Support Mission": "RSM", "Operation Artemis": "Artemis",
    "Multinational Force and Observers": "MFO", "Multinational Force & Observers": "MFO", "MFO": "MFO",
    "CARICOM": "CARICOM", "Caricom": "CARICOM", "Caribbean Community": "CARICOM",
    # Forces named by the annotators of 2026-12-06 (dev-2701..3220, NOTES-J.md).
    "IFOR": "IFOR", "Implementation Force": "IFOR", "SFOR": "SFOR", "UNPROFOR": "UNPROFOR",
    "United Nations Protection Force": "UNPROFOR", "UN Protection Force": "UNPROFOR",
    "UNAMSIL": "UNAMSIL", "United Nations Mission in Sierra Leone": "UNAMSIL", "UN Mission in Sierra Leone": "UNAMSIL",
    "MONUC": "MONUC", "UNAMID": "UNAMID", "African Union-United Nations Hybrid Operation in Darfur": "UNAMID",
    "MNJTF": "MNJTF", "Multinational Joint Task Force": "MNJTF", "Multi-National Joint Task Force": "MNJTF",
    "EACRF": "EACRF", "East African Community Regional Force": "EACRF", "EAC Regional Force": "EACRF",
    "SAMIDRC": "SAMIDRC", "SADC Mission in the DRC": "SAMIDRC", "SADC Mission in the Democratic Republic of Congo": "SAMIDRC",
    "SADC Mission in the Democratic Republic of the Congo": "SAMIDRC",
    # Forces named by the annotators of stop 24 (dev-3301..3820, NOTES-K.md).
    "Coalition of the Willing": "Coalition of the Willing", "coalition of the willing": "Coalition of the Willing",
    "Multinational Force Ukraine": "Coalition of the Willing", "MNF-U": "Coalition of the Willing",
    "G5 Sahel": "G5 Sahel", "G5 Sahel Joint Force": "G5 Sahel", "G5 Sahel joint force": "G5 Sahel",
    "Task Force Takuba": "Takuba", "Takuba": "Takuba",
    "ECOWAS Standby Force": "ESF", "ECOWAS standby force": "ESF", "ESF": "ESF",
    "UNITAF": "UNITAF", "Unified Task Force": "UNITAF", "UNAMIR": "UNAMIR",
    "United Nations Assistance Mission for Rwanda": "UNAMIR", "MINURCAT": "MINURCAT", "Minurcat": "MINURCAT",
    "Truce Monitoring Group": "TMG", "UNFICYP": "UNFICYP", "UNDOF": "UNDOF",
    "U.N. Disengagement Observer Force": "UNDOF", "UN Disengagement Observer Force": "UNDOF",
    "United Nations Disengagement Observer Force": "UNDOF", "UNMEE": "UNMEE",
    "United Nations Mission in Ethiopia and Eritrea": "UNMEE",
    # Forces and bodies named by the annotators of stop 24 (dev-3901..4420, NOTES-L.md).
    "UNMIL": "UNMIL", "Unmil": "UNMIL", "UN Mission in Liberia": "UNMIL", "U.N. Mission in Liberia": "UNMIL",
    "United Nations Mission in Liberia": "UNMIL", "UNOCI": "UNOCI", "Unoci": "UNOCI",
    "UN Operation in Côte d'Ivoire": "UNOCI", "UN Operation in Cote d'Ivoire": "UNOCI",
    "United Nations Operation in Côte d'Ivoire": "UNOCI", "United Nations Operation in Cote d'Ivoire": "UNOCI",
    "ECOMIB": "ECOMIB", "Ecomib": "ECOMIB", "ECOWAS Mission in Guinea-Bissau": "ECOMIB",
    "ECOWAS Mission in Guinea Bissau": "ECOMIB", "AMIS": "AMIS", "African Union Mission in Sudan": "AMIS",
    "African Union Mission in the Sudan": "AMIS", "AU Mission in Sudan": "AMIS", "AU Mission in the Sudan": "AMIS",
    "UNMIS": "UNMIS", "Unmis": "UNMIS", "UN Mission in Sudan": "UNMIS", "UN Mission in the Sudan": "UNMIS",
    "United Nations Mission in Sudan": "UNMIS", "United Nations Mission in the Sudan": "UNMIS",
    "UNISFA": "UNISFA", "Unisfa": "UNISFA", "UN Interim Security Force for Abyei": "UNISFA",
    "United Nations Interim Security Force for Abyei": "UNISFA", "ONUB": "ONUB", "Onub": "ONUB",
    "UN Operation in Burundi": "ONUB", "United Nations Operation in Burundi": "ONUB", "UN Mission in Burundi": "ONUB",
    "AMIB": "AMIB", "African Mission in Burundi": "AMIB", "African Union Mission in Burundi": "AMIB",
    "FOMAC": "FOMAC", "Fomac": "FOMAC", "Multinational Force of Central Africa": "FOMAC",
    "Operation Alba": "Alba", "Operation Amber Fox": "Amber Fox", "Amber Fox": "Amber Fox",
    "Task Force Fox": "Amber Fox", "Operation Essential Harvest": "Essential Harvest",
    "Essential Harvest": "Essential Harvest", "UNPREDEP": "UNPREDEP",
    "United Nations Preventive Deployment Force": "UNPREDEP", "UN Preventive Deployment Force": "UNPREDEP",
    "U.N. Preventive Deployment Force": "UNPREDEP", "UNTAES": "UNTAES",
    "UN Transitional Administration for Eastern Slavonia": "UNTAES",
    "UN Transitional Administration of Eastern Slavonia": "UNTAES",
    "United Nations Transitional Administration for Eastern Slavonia": "UNTAES", "IPTF": "IPTF",
    "International Police Task Force": "IPTF", "Peninsula Shield Force": "Peninsula Shield Force",
    "Peninsula Shield Forces": "Peninsula Shield Force", "Peninsula Shield": "Peninsula Shield Force",
    "CSTO": "CSTO", "Collective Security Treaty Organization": "CSTO", "Collective Security Treaty Organisation": "CSTO",
    "GCC": "GCC", "Gulf Cooperation Council": "GCC",
    "Joint Arab Force": "Joint Arab Force", "joint Arab force": "Joint Arab Force", "unified Arab force": "Joint Arab Force",
    # Named by the annotators of dev-4501..6221 (NOTES-M/N/O.md).
    "UNTSO": "UNTSO", "United Nations Truce Supervision Organization": "UNTSO",
    "UN Truce Supervision Organization": "UNTSO", "MICEGA": "ECOMIG",
    # Named by the annotators of stop 26 (dev-6901..7425, NOTES-Q.md).
    "MINUJUSTH": "MINUJUSTH", "Minujusth": "MINUJUSTH", "UN Mission for Justice Support in Haiti": "MINUJUSTH",
    "United Nations Mission for Justice Support in Haiti": "MINUJUSTH", "Eurocorps": "Eurocorps",
    # The EU's naval operations (dev-8401..8423, NOTES-S.md); "Sophia" and "Atalanta" alone are also names of people
    # and of a football club, so only with "Operation" or "EUNAVFOR".
    "Operation Atalanta": "Atalanta", "EUNAVFOR Atalanta": "Atalanta", "EU NAVFOR Atalanta": "Atalanta",
    "Operation Sophia": "Sophia", "EUNAVFOR Med": "Sophia", "EUNAVFOR MED": "Sophia", "EU NAVFOR Med": "Sophia",
    "Operation Irini": "Irini", "Irini": "Irini", "EUNAVFOR MED Irini": "Irini", "Operation Aspides": "Aspides",
    "Aspides": "Aspides", "EUNAVFOR Aspides": "Aspides",
}

#: The organizations above that are missions or forces, and the bodies that field them ("UN troops" in a report
#: about MINUSMA are MINUSMA's).
MISSIONS = frozenset({"MSS", "GSF", "UNIFIL", "AMISOM", "ATMIS", "AUSSOM", "MINUSMA", "KFOR", "ISAF", "EUFOR", "MINUSTAH",
                      "AFISMA", "MONUSCO", "UNMISS", "MINUSCA", "MNF-I", "ECOMOG", "International Stabilization Force",
                      "ECOMIG", "SAMIM", "INTERFET", "RAMSI", "ECOMIL", "MISCA", "RSM", "Artemis", "MFO",
                      "IFOR", "SFOR", "UNPROFOR", "UNAMSIL", "MONUC", "UNAMID", "MNJTF", "EACRF", "SAMIDRC",
                      "Coalition of the Willing", "G5 Sahel", "Takuba", "ESF", "UNITAF", "UNAMIR", "MINURCAT", "TMG",
                      "UNFICYP", "UNDOF", "UNMEE", "UNMIL", "UNOCI", "ECOMIB", "AMIS", "UNMIS", "UNISFA", "ONUB", "AMIB",
                      "FOMAC", "Alba", "Amber Fox", "Essential Harvest", "UNPREDEP", "UNTAES", "IPTF",
                      "Peninsula Shield Force", "Joint Arab Force", "UNTSO", "MINUJUSTH",
                      "Atalanta", "Sophia", "Irini", "Aspides"})
PARENT_BODIES = frozenset({"United Nations", "African Union", "NATO", "European Union", "ECOWAS", "SADC"})

#: Names that contain a country or capital but are not its government: media, regions, institutes.
#: They are matched (longest first) so that their inner country names are not.
BLOCKED: tuple[str, ...] = (
    "Washington Post", "Washington Times", "Washington Institute", "Washington Examiner", "Jakarta Post",
    "Jakarta Globe", "Times of Israel", "Jerusalem Post", "Israel Hayom", "Jordan Times", "Tehran Times",
    "Arab News", "Daily Sabah", "Gulf News", "Khaleej Times", "Pakistan Today", "Egypt Independent",
    "Middle East Eye", "Kuwait Times", "Oman Observer", "Qatar Tribune", "Saudi Gazette", "Azer News",
    "Latin America", "South America", "North America", "Central America", "Latin American",
    "Central American", "South American", "North American", "New York", "New York Times", "Mexico City",
    "Kuwait City", "Djibouti City", "Korea Herald", "China Daily", "Russia Today", "Voice of America",
    "Bank of Israel", "Gaza City", "Israel Radio", "Channel 12", "Channel 13", "Channel 14",
    "Georgia State", "Jordan Valley", "Jordan River", "Sinai", "West Bank", "East Jerusalem",
    "American University", "Indonesian language", "French language", "Kenya Airways", "Haiti Libre", "Qatar Airways",
    "Turkish Airlines", "Ethiopian Airlines", "Emirates airline",
)

#: ISO codes that are also English words or common abbreviations: not taken as codes.
_CODE_STOPLIST = frozenset({
    "AND", "ARE", "CAN", "NOR", "PER", "TON", "FIN", "MAR", "GIN", "BEN", "COM", "DOM", "MAC", "GUM", "PAN",
    "CUB", "SOM", "TUV", "ATA", "BIH", "TUN", "IRL", "ISL", "MLI", "BOL", "COL", "GAB", "LIE", "MAF", "NIC",
    "PRY", "SUR", "VAT", "ESP", "FRO", "GRD", "HMD", "IOT", "NFK", "PCN", "SPM", "TKL", "UMI", "WLF", "ZAF",
    "ABW", "AIA", "ALA", "ASM", "ATF", "BES", "BLM", "BVT", "CCK", "CUW", "CXR", "ESH", "FLK", "GGY", "GIB",
    "GLP", "GUF", "IMN", "JEY", "MNP", "MSR", "MTQ", "MYT", "NCL", "NIU", "PRI", "PYF", "REU", "SGS", "SHN",
    "SJM", "SXM", "TCA", "VGB", "VIR", "CAF", "NER", "AUT", "BRA", "CHE", "DEU", "ITA", "MEX", "SEN",
    "GEO", "IND", "TUR", "CHN", "SAU", "GRC", "HUN", "POL", "ROU", "SRB", "SWE", "THA", "UKR", "GBR",
})


@dataclass(frozen=True)
class Entry:
    """What a surface form names: a subject code or organization name, its kind and the form's role."""

    subject: str | None  # None for blocked names
    kind: str  # "country" | "organization" | "blocked"
    role: str  # "name" | "demonym" | "capital" | "code" | "org" | "blocked"


def _country_forms() -> dict[str, Entry]:
    forms: dict[str, Entry] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                forms[name] = Entry(code, "country", "name")
        if code not in _CODE_STOPLIST:
            forms[code] = Entry(code, "country", "code")
    forms["XKX"] = Entry("XKX", "country", "code")
    for name, code in ALIASES.items():
        forms[name] = Entry(code, "country", "name")
    for name, code in CAPITALS.items():
        forms.setdefault(name, Entry(code, "country", "capital"))
    for raw, code in DEMONYMS.items():
        name = raw.rstrip("+")
        forms.setdefault(name, Entry(code, "country", "demonym"))
        if raw.endswith("+"):
            forms.setdefault(name + "s", Entry(code, "country", "demonym"))
    for name, org in ORGANIZATIONS.items():
        forms[name] = Entry(org, "organization", "org")
    for name in BLOCKED:
        forms[name] = Entry(None, "blocked", "blocked")
    # Every code must be a country the ledger accepts.
    return {k: v for k, v in forms.items() if v.kind != "country" or country_name(v.subject or "")}


def trie_pattern(words: list[str]) -> str:
    """Return a regex matching any of the words, shaped as a trie (fast, longest alternative first)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends and not body.startswith("(?:"):
            body = "(?:" + body + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


#: Characters from rarest to commonest in English text (letters by frequency; "%" is rare, a space common).
_RARITY = "zqxj%kvbpgyfwmucdlrhsnioate "


def rare_anchor_pattern(words: list[str]) -> str:
    """Return a regex that matches where any of the words occurs, at the word's rarest character.

    Each word is written as that character, a look-behind for the part of the word before it, and the rest
    ("p(?<=troop)", "v(?<=div)ision"); grouped by that character, the regex starts with a character class, so
    the engine jumps between the few places holding one of those characters. For a yes/no test whether a
    text holds any of the words: a match starts inside the word, not at its start.
    """
    by_char: dict[str, set[str]] = {}
    for word in words:
        k = min(range(len(word)), key=lambda i: _RARITY.find(word[i]) if word[i] in _RARITY else -1)
        before = f"(?<={re.escape(word[:k + 1])})" if k else ""
        by_char.setdefault(word[k], set()).add(before + re.escape(word[k + 1:]))
    return "|".join(re.escape(c) + ("(?:" + "|".join(sorted(rest)) + ")" if rest != {""} else "")
                    for c, rest in sorted(by_char.items()))


@lru_cache(maxsize=1)
def gazetteer() -> tuple[re.Pattern[str], dict[str, Entry]]:
    """Return the compiled name regex and the table of surface forms."""
    forms = _country_forms()
    # No look-behind at the start (it would defeat the regex engine's first-character scan): callers drop
    # matches that start inside a word with `starts_word`.
    pattern = "(?:" + trie_pattern(sorted(forms)) + r")(?![\w-]*[a-z0-9]|\w)"
    return re.compile(pattern), forms


@lru_cache(maxsize=1)
def _capitalized() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Return the name regex without the forms that start in lower case ("the Netherlands"), and strings of which
    each of those forms holds one ("the State", "the Netherlands")."""
    forms = gazetteer()[1]
    lower = {" ".join(f.split()[:2]) for f in forms if not f[:1].isupper()}
    needles = tuple(sorted(n for n in lower if not any(o != n and o in n for o in lower)))
    pattern = "(?:" + trie_pattern(sorted(f for f in forms if f[:1].isupper())) + r")(?![\w-]*[a-z0-9]|\w)"
    return re.compile(pattern), needles


def name_matches(text: str) -> list[re.Match[str]]:
    """Return `gazetteer()`'s regex matches in `text`, in order (callers still apply `starts_word`).

    Every name but a few ("the Netherlands") starts with a capital; in a text without those few, the regex
    without them finds the same matches and skips lower-case letters at once, so it runs about twice as fast.
    """
    rx, needles = _capitalized()
    for needle in needles:
        if needle in text:
            rx = gazetteer()[0]
            break
    return list(rx.finditer(text))


def starts_word(text: str, start: int) -> bool:
    """Whether a match at `start` begins a word (not inside "xNATO" or after "U.")."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before in "._")
