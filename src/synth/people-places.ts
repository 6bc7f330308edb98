// Names and places for planted PHI, written for this project from general knowledge. Deliberately NOT the
// de-identifier's dictionaries (src/deid/lexicon): the demo measures the de-identifier on these notes, so
// they mix common American names with names from many other places, real small towns with invented ones.

const words = (text: string): string[] => text.trim().split(/\s+/);
const lines = (text: string): string[] => text.trim().split('\n').map((l) => l.trim()).filter((l) => l !== '');

export const GIVEN_NAMES = words(`
Margaret Harold Dorothy Walter Evelyn Raymond Loretta Clifford Mildred Vernon Janet Dwayne Tamika Cody Brianna
Adaeze Chinedu Oluwaseun Ngozi Emeka Folasade Kwabena Abena Tendai Thandiwe Sipho Wanjiru Kipchoge Amara
Priyanka Rajesh Anjali Venkatesh Lakshmi Harpreet Sanjay Deepika Arjun Meenakshi Farhan Nusrat
Xiuying Wei Jianhua Mingyu Haoran Yuki Takeshi Haruka Kenji Seo-yeon Min-jun Jae-hyun Thuy Minh Quang Linh
Agnieszka Wojciech Malgorzata Tomasz Katarzyna Radoslaw Dagny Sigrid Torbjorn Henrik Astrid Leif Eero Aino
Siobhan Padraig Niamh Ciaran Aoife Declan Fionnuala Eamon Giuseppe Rosaria Salvatore Carmela Beatriz Joaquim
Guadalupe Esteban Xochitl Itzel Marisol Rodrigo Yesenia Anselmo Consuelo Dalia Yusuf Layla Karim Samira
Tariq Rania Mehmet Elif Oksana Bohdan Svetlana Dmitri Anastasia Zoltan Ildiko Florin Ioana Stavros Eleni
Marguerite Thibault Solene Gwenael Imogen Rupert Tabitha Ezekiel Jedediah Lorraine Wendell Opal Thurman
Rosalind Cornelius Delphine Augustin Maribel Nkechi Obinna Ifeoma Rashida Jamal Keisha Darnell Shanice
`);

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
