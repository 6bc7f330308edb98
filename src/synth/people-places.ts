// Names and places for planted PHI, written for this project from general knowledge. Deliberately NOT the
// de-identifier's dictionaries (src/deid/lexicon): the demo measures the de-identifier on these notes, so
// they mix common American names with names from many other places, real small towns with invented ones.

const words = (text: string): string[] => text.trim().split(/\s+/);
const lines = (text: string): string[] => text.trim().split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** Given names by the sex they are usually given for, so "Mr." and "he" agree with the name. */
export const FEMALE_NAMES = words(`
Margaret Dorothy Evelyn Loretta Mildred Janet Tamika Brianna Adaeze Ngozi Folasade Abena Thandiwe Wanjiru Amara
Priyanka Anjali Lakshmi Harpreet Deepika Meenakshi Nusrat Xiuying Haruka Seo-yeon Thuy Linh Agnieszka Malgorzata
Katarzyna Dagny Sigrid Astrid Aino Siobhan Niamh Aoife Fionnuala Rosaria Carmela Beatriz Guadalupe Xochitl Itzel
Marisol Yesenia Consuelo Dalia Layla Samira Rania Elif Oksana Svetlana Anastasia Ildiko Ioana Eleni Marguerite
Solene Imogen Tabitha Lorraine Opal Rosalind Delphine Maribel Nkechi Ifeoma Rashida Keisha Shanice
`);

export const MALE_NAMES = words(`
Harold Walter Raymond Clifford Vernon Dwayne Cody Chinedu Oluwaseun Emeka Kwabena Tendai Sipho Kipchoge Rajesh
Venkatesh Sanjay Arjun Farhan Jianhua Haoran Takeshi Kenji Min-jun Jae-hyun Quang Wojciech Tomasz Radoslaw
Torbjorn Henrik Leif Eero Padraig Ciaran Declan Eamon Giuseppe Salvatore Joaquim Esteban Rodrigo Anselmo Yusuf
Karim Tariq Mehmet Bohdan Dmitri Zoltan Florin Stavros Thibault Rupert Ezekiel Jedediah Wendell Thurman Cornelius
Augustin Obinna Jamal Darnell
`);

/** Names given to either sex, and the ones used where the sex does not matter (doctors, relatives). */
export const EITHER_NAMES = words('Wei Mingyu Yuki Minh Gwenael Jordan Morgan Riley Kai Sasha Noor Ariel');
export const GIVEN_NAMES = [...FEMALE_NAMES, ...MALE_NAMES, ...EITHER_NAMES];

export const SURNAMES = words(`
Okonkwo Adeyemi Mensah Nwachukwu Achterberg Lindqvist Haugland Virtanen Kowalczyk Wisniewski Dabrowski
Nakashima Takahashi Watanabe Nguyen Tran Pham Hoang Zhang Huang Xu Guo Liang Park Choi Jeong Kang Yoon
Raghunathan Venkataraman Chatterjee Banerjee Iyer Deshpande Kulkarni Siddiqui Qureshi Chaudhry Haddad
Nasser Khoury Mansour Aydin Yilmaz Demir Petrenko Shevchenko Volkov Sokolov Horvath Farkas Popescu Ionescu
Papadopoulos Georgiou Konstantinidis Esposito Romano Bianchi Ferraro Caruso Quintero Villanueva Arellano
Zamora Echeverria Bustamante Figueroa Carvalho Azevedo Brennan Gallagher O'Sullivan McAllister Donnelly
Kavanagh Thorne Pemberton Whitlock Ashworth Blackwood Fairbanks Hargrove Kingsley Lockhart Merriweather
Pettigrew Ravenscroft Stanhope Treadwell Underhill Wexler Yardley Zimmerman Abernathy Castellano Delacroix
Fontaine Beaumont Gautier Lefebvre Moreau Schumacher Vogel Brandt Hoffmann Krueger Lindgren Sandoval Pruitt
Calloway Dunmore Everhart Galbraith Holloway Ingersoll Jasper Kettering Langford Mulligan Norcross Oyelaran
Quarles Rutledge Sorensen Tillman Vanterpool Whitfield Youngblood Abara Bello Eze Okafor Sutherland
`);

export const CITIES = lines(`
Thornbury
Millbrook Falls
Cedar Hollow
Ashgrove
Port Wexley
Glenmora
Harlow Springs
Brackenridge
Fairhaven
Lake Orrin
Redmont
Silverton
New Castleton
Wyndham Heights
Elk Ridge
Sparrow Point
Catonsville
Dundalk
Pikesville
Ellicott City
Glen Burnie
Framingham
Worcester
Quincy
Lowell
Brockton
Ypsilanti
Kalamazoo
Tallahassee
Chattanooga
Poughkeepsie
Schenectady
Duluth
Bozeman
Flagstaff
Cheyenne
Muncie
Paducah
Tuscaloosa
Yakima
`);

export const STATES = words('MD MA NY PA VA NC OH MI IL WI MN TX CA OR WA CO AZ GA FL TN KY AL MT WY IN');

export const STREET_NAMES = words(`
Linden Quillmore Harrowgate Birchwood Tamarack Foxglove Wellington Alder Chestnut Sycamore Juniper Larkspur
Hawthorne Briarcliff Kingfisher Meadowlark Stonebridge Whitmore Cobblestone Ridgeview Pinecrest Thistle
Beacon Marlowe Ashby Fernhill Orchard Canterbury Lantern Copperfield
`);

export const STREET_TYPES = words('Street St Avenue Ave Road Rd Lane Ln Drive Dr Court Ct Boulevard Blvd Way Terrace Place');

/** Words that make hospital names: "<place> <kind> <head>", "St. <saint>'s <head>", "<surname> Memorial <head>". */
export const HOSPITAL_KINDS = words('Regional General Memorial Community University Presbyterian Baptist Methodist Lutheran Mercy Valley');
export const HOSPITAL_HEADS = lines(`
Hospital
Medical Center
Health Center
Clinic
Infirmary
`);
export const SAINTS = words("Brigid Aloysius Columba Ignatius Perpetua Wenceslaus Hildegard Casimir Scholastica Jude Bernadette Kateri");

export const EMAIL_DOMAINS = words('quillmail.com mailbox.net postbridge.org yoohoo.com fastpost.net inboxly.com northwire.net');

export const RELATIONS = words('wife husband daughter son sister brother niece nephew partner mother father granddaughter grandson');

export const INSURERS = lines(`
Blue Harbor Health
Keystone Mutual
Evergreen Care Plan
Pinnacle Medicare Advantage
Commonwealth Medicaid
Liberty Shield Insurance
`);

export const EMPLOYERS = lines(`
Harwell Logistics
the county school district
Pemberton Foods
a shipping warehouse
Tri-County Transit
`);
