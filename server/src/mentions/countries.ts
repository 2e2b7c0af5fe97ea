/**
 * A general table of the world's countries: canonical name, other names, nationality adjectives and
 * demonyms, and capital. It links "Peruvian" to Peru and lets the extractor type countries and capitals
 * without guessing. General knowledge only: nothing here comes from a corpus.
 */

/** `Name;other names;adjectives and demonyms;capital` — lists are comma-separated. */
const TABLE = `
Afghanistan;;Afghan,Afghans;Kabul
Albania;;Albanian,Albanians;Tirana
Algeria;;Algerian,Algerians;Algiers
Andorra;;Andorran;Andorra la Vella
Angola;;Angolan,Angolans;Luanda
Argentina;;Argentine,Argentinian,Argentinians,Argentines;Buenos Aires
Armenia;;Armenian,Armenians;Yerevan
Australia;;Australian,Australians;Canberra
Austria;;Austrian,Austrians;Vienna
Azerbaijan;;Azerbaijani,Azerbaijanis,Azeri,Azeris;Baku
Bahamas;The Bahamas;Bahamian;Nassau
Bahrain;;Bahraini,Bahrainis;Manama
Bangladesh;;Bangladeshi,Bangladeshis;Dhaka
Barbados;;Barbadian;Bridgetown
Belarus;;Belarusian,Belarusians;Minsk
Belgium;;Belgian,Belgians;Brussels
Belize;;Belizean;Belmopan
Benin;;Beninese;Porto-Novo
Bhutan;;Bhutanese;Thimphu
Bolivia;;Bolivian,Bolivians;La Paz
Bosnia;Bosnia and Herzegovina,Bosnia-Herzegovina;Bosnian,Bosnians;Sarajevo
Botswana;;Botswanan;Gaborone
Brazil;;Brazilian,Brazilians;Brasilia
Brunei;;Bruneian;Bandar Seri Begawan
Bulgaria;;Bulgarian,Bulgarians;Sofia
Burkina Faso;;Burkinabe;Ouagadougou
Burundi;;Burundian,Burundians;Gitega
Cambodia;;Cambodian,Cambodians;Phnom Penh
Cameroon;;Cameroonian,Cameroonians;Yaounde
Canada;;Canadian,Canadians;Ottawa
Cape Verde;Cabo Verde;Cape Verdean;Praia
Central African Republic;;Central African;Bangui
Chad;;Chadian,Chadians;N'Djamena
Chile;;Chilean,Chileans;Santiago
China;People's Republic of China,PRC;Chinese;Beijing
Colombia;;Colombian,Colombians;Bogota
Comoros;;Comorian;Moroni
Congo;Republic of the Congo,Democratic Republic of Congo,Democratic Republic of the Congo,DRC,DR Congo;Congolese;Kinshasa
Costa Rica;;Costa Rican;San Jose
Croatia;;Croatian,Croatians,Croat,Croats;Zagreb
Cuba;;Cuban,Cubans;Havana
Cyprus;;Cypriot,Cypriots;Nicosia
Czech Republic;Czechia;Czech,Czechs;Prague
Denmark;;Danish,Dane,Danes;Copenhagen
Djibouti;;Djiboutian;Djibouti
Dominican Republic;;Dominican,Dominicans;Santo Domingo
Ecuador;;Ecuadorian,Ecuadorians;Quito
Egypt;;Egyptian,Egyptians;Cairo
El Salvador;;Salvadoran,Salvadorans;San Salvador
Equatorial Guinea;;Equatoguinean;Malabo
Eritrea;;Eritrean,Eritreans;Asmara
Estonia;;Estonian,Estonians;Tallinn
Eswatini;Swaziland;Swazi;Mbabane
Ethiopia;;Ethiopian,Ethiopians;Addis Ababa
Fiji;;Fijian,Fijians;Suva
Finland;;Finnish,Finn,Finns;Helsinki
France;;French,Frenchman,Frenchmen;Paris
Gabon;;Gabonese;Libreville
Gambia;The Gambia;Gambian,Gambians;Banjul
Georgia;;Georgian,Georgians;Tbilisi
Germany;;German,Germans;Berlin
Ghana;;Ghanaian,Ghanaians;Accra
Greece;;Greek,Greeks;Athens
Guatemala;;Guatemalan,Guatemalans;Guatemala City
Guinea;;Guinean,Guineans;Conakry
Guinea-Bissau;;Bissau-Guinean;Bissau
Guyana;;Guyanese;Georgetown
Haiti;;Haitian,Haitians;Port-au-Prince
Honduras;;Honduran,Hondurans;Tegucigalpa
Hungary;;Hungarian,Hungarians;Budapest
Iceland;;Icelandic,Icelander,Icelanders;Reykjavik
India;;Indian,Indians;New Delhi
Indonesia;;Indonesian,Indonesians;Jakarta
Iran;Islamic Republic of Iran;Iranian,Iranians;Tehran
Iraq;;Iraqi,Iraqis;Baghdad
Ireland;Republic of Ireland,Irish Republic,Eire;Irish;Dublin
Israel;;Israeli,Israelis;Jerusalem
Italy;;Italian,Italians;Rome
Ivory Coast;Cote d'Ivoire;Ivorian,Ivorians;Yamoussoukro
Jamaica;;Jamaican,Jamaicans;Kingston
Japan;;Japanese;Tokyo
Jordan;;Jordanian,Jordanians;Amman
Kazakhstan;;Kazakh,Kazakhs,Kazakhstani;Astana
Kenya;;Kenyan,Kenyans;Nairobi
Kosovo;;Kosovan,Kosovar,Kosovars;Pristina
Kuwait;;Kuwaiti,Kuwaitis;Kuwait City
Kyrgyzstan;;Kyrgyz;Bishkek
Laos;;Lao,Laotian;Vientiane
Latvia;;Latvian,Latvians;Riga
Lebanon;;Lebanese;Beirut
Lesotho;;Basotho;Maseru
Liberia;;Liberian,Liberians;Monrovia
Libya;;Libyan,Libyans;Tripoli
Liechtenstein;;Liechtensteiner;Vaduz
Lithuania;;Lithuanian,Lithuanians;Vilnius
Luxembourg;;Luxembourgish,Luxembourger;Luxembourg
Madagascar;;Malagasy;Antananarivo
Malawi;;Malawian,Malawians;Lilongwe
Malaysia;;Malaysian,Malaysians;Kuala Lumpur
Maldives;;Maldivian;Male
Mali;;Malian,Malians;Bamako
Malta;;Maltese;Valletta
Mauritania;;Mauritanian,Mauritanians;Nouakchott
Mauritius;;Mauritian,Mauritians;Port Louis
Mexico;;Mexican,Mexicans;Mexico City
Moldova;;Moldovan,Moldovans;Chisinau
Monaco;;Monegasque;Monaco
Mongolia;;Mongolian,Mongolians;Ulaanbaatar
Montenegro;;Montenegrin,Montenegrins;Podgorica
Morocco;;Moroccan,Moroccans;Rabat
Mozambique;;Mozambican,Mozambicans;Maputo
Myanmar;Burma;Burmese;Naypyidaw
Namibia;;Namibian,Namibians;Windhoek
Nepal;;Nepalese,Nepali;Kathmandu
Netherlands;The Netherlands,Holland;Dutch;Amsterdam
New Zealand;;New Zealander,New Zealanders;Wellington
Nicaragua;;Nicaraguan,Nicaraguans;Managua
Niger;;Nigerien;Niamey
Nigeria;;Nigerian,Nigerians;Abuja
North Korea;Democratic People's Republic of Korea,DPRK;North Korean,North Koreans;Pyongyang
North Macedonia;Macedonia;Macedonian,Macedonians;Skopje
Norway;;Norwegian,Norwegians;Oslo
Oman;;Omani,Omanis;Muscat
Pakistan;;Pakistani,Pakistanis;Islamabad
Palestine;Palestinian territories,Palestinian Territories;Palestinian,Palestinians;Ramallah
Panama;;Panamanian,Panamanians;Panama City
Papua New Guinea;;Papua New Guinean;Port Moresby
Paraguay;;Paraguayan,Paraguayans;Asuncion
Peru;;Peruvian,Peruvians;Lima
Philippines;The Philippines;Filipino,Filipinos,Philippine;Manila
Poland;;Polish,Pole,Poles;Warsaw
Portugal;;Portuguese;Lisbon
Qatar;;Qatari,Qataris;Doha
Romania;;Romanian,Romanians;Bucharest
Russia;Russian Federation;Russian,Russians;Moscow
Rwanda;;Rwandan,Rwandans;Kigali
Saudi Arabia;;Saudi,Saudis,Saudi Arabian;Riyadh
Senegal;;Senegalese;Dakar
Serbia;;Serbian,Serbians,Serb,Serbs;Belgrade
Sierra Leone;;Sierra Leonean;Freetown
Singapore;;Singaporean,Singaporeans;Singapore
Slovakia;;Slovak,Slovaks,Slovakian;Bratislava
Slovenia;;Slovenian,Slovenians,Slovene,Slovenes;Ljubljana
Somalia;;Somali,Somalis;Mogadishu
South Africa;;South African,South Africans;Pretoria
South Korea;Republic of Korea,Korea;South Korean,South Koreans,Korean,Koreans;Seoul
South Sudan;;South Sudanese;Juba
Spain;;Spanish,Spaniard,Spaniards;Madrid
Sri Lanka;;Sri Lankan,Sri Lankans;Colombo
Sudan;;Sudanese;Khartoum
Suriname;;Surinamese;Paramaribo
Sweden;;Swedish,Swede,Swedes;Stockholm
Switzerland;;Swiss;Bern
Syria;Syrian Arab Republic;Syrian,Syrians;Damascus
Taiwan;;Taiwanese;Taipei
Tajikistan;;Tajik,Tajiks;Dushanbe
Tanzania;;Tanzanian,Tanzanians;Dodoma
Thailand;;Thai,Thais;Bangkok
Togo;;Togolese;Lome
Trinidad and Tobago;;Trinidadian;Port of Spain
Tunisia;;Tunisian,Tunisians;Tunis
Turkey;Turkiye,Republic of Turkey;Turkish,Turk,Turks;Ankara
Turkmenistan;;Turkmen;Ashgabat
Uganda;;Ugandan,Ugandans;Kampala
Ukraine;;Ukrainian,Ukrainians;Kyiv,Kiev
United Arab Emirates;UAE,Emirates;Emirati,Emiratis;Abu Dhabi
United Kingdom;UK,U.K.,Britain,Great Britain;British,Briton,Britons;London
United States;US,U.S.,USA,U.S.A.,America,United States of America;American,Americans;Washington
Uruguay;;Uruguayan,Uruguayans;Montevideo
Uzbekistan;;Uzbek,Uzbeks;Tashkent
Venezuela;;Venezuelan,Venezuelans;Caracas
Vietnam;Viet Nam;Vietnamese;Hanoi
Yemen;;Yemeni,Yemenis;Sanaa
Zambia;;Zambian,Zambians;Lusaka
Zimbabwe;;Zimbabwean,Zimbabweans;Harare
England;;English;
Scotland;;Scottish,Scot,Scots;Edinburgh
Wales;;Welsh;Cardiff
Northern Ireland;;Northern Irish;Belfast
`;

/** What a surface form of the table stands for. */
export interface CountryEntry {
  /** The country's canonical name. */
  country: string;
  /** How the form relates to the country. */
  kind: 'name' | 'adjective' | 'capital';
}

/** Surface form (exact case, e.g. "Turkish", "UK") → entry. */
export const COUNTRY_FORMS: ReadonlyMap<string, CountryEntry> = (() => {
  const out = new Map<string, CountryEntry>();
  for (const line of TABLE.split('\n')) {
    if (!line.trim()) continue;
    const [name, others, adjectives, capitals] = line.split(';') as [string, string, string, string];
    const add = (form: string, kind: CountryEntry['kind']): void => {
      const f = form.trim();
      if (f && !out.has(f)) out.set(f, { country: name, kind });
    };
    add(name, 'name');
    for (const o of others.split(',')) add(o, 'name');
    for (const a of adjectives.split(',')) add(a, 'adjective');
    for (const c of (capitals ?? '').split(',')) add(c, 'capital');
  }
  return out;
})();

/** Longest country form in words (e.g. "Democratic Republic of the Congo"). */
export const MAX_COUNTRY_FORM_WORDS = Math.max(...[...COUNTRY_FORMS.keys()].map((k) => k.split(' ').length));

const FORMS_BY_COUNTRY: ReadonlyMap<string, string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [form, entry] of COUNTRY_FORMS) {
    if (entry.kind === 'capital') continue;
    const list = out.get(entry.country) ?? [];
    list.push(form);
    out.set(entry.country, list);
  }
  return out;
})();

/** Every name and adjective of a country ("Turkey", "Turkiye", "Turkish", "Turks"). */
export function formsOfCountry(country: string): readonly string[] {
  return FORMS_BY_COUNTRY.get(country) ?? [country];
}
