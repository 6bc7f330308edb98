/**
 * More given names for recognition (not for surrogates, which draw from first-names.ts): names frequent in the United
 * States from the 1940s on (African American, Hispanic, Asian American, Native American and Pacific Islander families,
 * modern names and spellings), short forms, and names common in the United Kingdom, Ireland, Canada, Australia and New
 * Zealand. Written out for this project from general knowledge, not taken from any gold standard. Taken out before
 * they were added, as words a note uses otherwise:
 * - English dictionary words (/usr/share/dict/american-english-large), stop words, places of the lexicon and words of
 *   a state's name ("carolina");
 * - words of the MTSamples notes in lower case, abbreviations written in capitals there ("tova", "edd", "diep"), and
 *   words of the PhysioNet notes ("perla");
 * - makers' and instruments' names ("jude", "braden"), weekdays' and months' abbreviations ("thu"), the labels and
 *   cue words of the recognizers ("nhi"), clinical abbreviations and drug shorthand ("alf", "tobi", "dara"), eponyms,
 *   brands and foods ("cornell", "skyla", "kobe"), and other languages' common words ("dulce", "lavar").
 */
export const MORE_GIVEN_NAMES: readonly string[] = `
aaliyah aamir aarti abdi abdirahman abdul abdullahi abel abelardo abena abir abril adalberto adaline adalyn adalynn
adan adaobi adelyn adriana adriel adwoa aida aideen aiden aiesha aiko ailani ailbhe ailie ailish ailsa aine ainsley
ainslie aislinn aitana aiyana akeem akilah akoni akshay akua alaia alaina alasdair alastair alayna albie aled aleena
aleisha alena alesha alessia alexus alfie alfy aliana alina alinta alisa alisha alissa alistair alivia alkira allira
allyson alok alondra alton alun alyce alys alyson amado amaka amal amandeep amani amar amari amaya amba amberly amiyah
ammar anahera anahi analise analyn anand anaru anaya andree angelique angharad anh anibal aniceto anika aniket anirudh
aniston anitra aniya aniyah ankit annabella annalise annick annunziata ansley antionette antwan antwaun antwon anupam
anwar anya aodh aodhan aoi aoibh aoibhe aoibheann aoibhinn aperahama aperila apolline arabella aracely areli arely
aretha ariana ariane arianna ariella arif ariyah arlet arlo armand armani arnel aroha arsene artemio arun arvind arwel
arya aryan aryanna aryeh ashanti asher ashish ashlee ashling ashton ashwin asif assumpta atawhai athena attracta
aubree aubrey aubrie aubriella audra aurele aurelio aurore averie avis avraham awen awhina ayaan ayana ayanna ayden
ayesha ayla ayleen ayman azariah azucena babatunde baljit balwinder bao barbra barrie bartolo bartosz bashir basia
bassam batya baylee baz bazza becca beccy beckett becki beckie bekki belen bella benigno benita benji benjy bennie
bentley bernardo berthe bertrand berty berwyn bess bethan betsan bette bettie bev beverley bex beyonce bharat bhavna
bianca bilal blakely blathnaid bleddyn bobbi bobbie bongbong boyd boyet bradford bradyn braeden brandi brandie
brantley branwen braulio brayan brayden breandan breanna breanne breda brendon brenna brenton bri bria briana brianda
brianna brianne brid bridgett bridie briella brielle brinley brionna brisa britany britney brittani brittanie brittney
brody brona bronagh bronte bronwen bronwyn brooklynn bruna bryanna bryant bryce brylee bryn brynlee brynn bryson
bukola caden cadfael cai caio caitlyn caitriona caleb callum calum camilo campbell candelario candi caoimhin cara
caradog caragh carissa carlee carlene carli carlie carlton carly carmel carroll carson carwyn cary carys casandra cass
cassidy cataleya cathal cathan cathryn catrin catriona caylee celestino celina celine cennydd ceri cerys chaewon chana
chandra chanel chanelle chantel chantelle chao charisse charlee charleigh chas chaz chelsey chelsie chenoa cheree
cheri chet chetan cheyanne cheyenne chinonso chioma chiquita chloe chrissie chrissy chrystal chukwuemeka chun chuy
chyanne cian ciaron cierra cillian cipriano cirilo citlali citlaly clarice clarissa clark cleo clint cliodhna cliona
clive clothilde cody colby coleen coleman collin colm colman colten colton colum conal conall conan concepta conleth
conner connor constantine coralie corazon corbin corine cortez cortland cory costas crionan crisanto cristopher cruz
cullen cuong cuthbert cynan cyndi cyrille dafydd dagoberto daire daithi daja dajuan daleyza dalia dalilah dalton
damarcus damarion dami damien damilola damon dana dane danika danilo danisha danita daragh darcy darian darnell
darragh darrel darrin darrion darrius darshan darwin daryl dasha dashawn dasia dathi davey davin davion davo davonte
davy dawson dayana dayo daysha daz dazza deandre deangelo deanne dearbhla deedee deena degsy deidre deiniol deion
deirbhile deja dejah dejuan delaney delfino delilah delonte deloris delyth demarco demarcus demario demelza demetria
demetrius demi demond denis denisse denys denzil deon deontae deonte deqa dequan derell dermot deshaun deshawn
deshawna deshonda despina dessie destinee destini devante devika devin devon devonte devorah devyn dewayne dewi
deyanira dez dhruv diann dianna diarmaid diarmuid didi dillon dilys dimitra dinesh dion dionicio dionne dodong dohyun
dollie domhnall domingo dominik dominque donagh donat dongwoo donnacha donncha donnchadh donnell donovan dontae donte
dontrell dorian dorthy dottie dougal dougie dov duarte duc dugald dulcie duy dyfed dylan dymphna dympna eabha eamonn
eanna earlene ebenezer ebonee eboni eden edgardo edmundo efren efua eibhlin eifion eilidh eilis eirian eirlys eirwen
eithne ekaterina elba eleazar eleri eleuterio eliana eliane eligio eliot elisabeth eliseo elka elliana ellianna elliot
elliott elly elodia elodie eloi elpidio elspeth eluned elvia elwyn emad emberly emely emerson emersyn emeterio emiko
emile emiliano emmalee emmalyn emmanuelle emmitt emmy emrys emyr enda enfys enoch enola eoghan epifanio erasmo
erendira erick ericka erika erlinda erna ervin esme esmeralda essie estefany estela estrella etain ettie euan eufemia
eun eunhee eunji eurig eusebio eustace evadne evalyn evangelina evaristo everlee everleigh everly ewa ewan ezequiel
fabiola fadi fadumo failbhe faisal farah farhan faustino faye feidhlim feilim felecia feliciano felicitas femi fergus
fernand fernande fetu ffion fiachra fiadh fidelma filiberto finbar finbarr finlay finley finnegan fintan fiona fionan
fionnuala firmin fitzroy flann flavie florencio florent florine folake fortino francisca frannie franny fraser freddy
fredy freida freya funmilayo gabbi gabbie gabe gabino gabriella gabrielle gael gaetane galilea galina gannon garbhan
gareth garry gatien gaurav gayatri gayle gazza gearoid geeta gena genaro gennaro georgie geovanny geraint gerlie
germain germaine gervais gervase gervasio gethin ghada ghassan ghislain ghyslaine gianna gigi gilberte giles gilles
gillian ginette girish gisele giselle gisselle glenys glesni glyn gobnait godfrey gonzague goronwy gosia gracie grady
graeme grayson gregg gregor gregorio greyson gricelda griselda gruffydd guang guillermina gumersinda gurdeep gurpreet
gwenda gwendoline gwenllian gwilym gwion gwladys gwyneth hadi hadley haeun haf hafwen haiden hailey haisley hakeem
hala haleigh haley hallie hamdi hamid hamiora hamish hana hanan hani hao haoyu hardeep hari hariata harjit harlow
harpreet harrison haruto hassan hatem hau haunani hawa hayden haylee hayley healani heddwyn hedley heeni heladio
helder heledd heloise hendrix hera hercule herlinda herminio hesham hettie hetty hiba hibo hideki hien higinio hillary
himari hinata hinemoa hinewai hirini hiro hisako hisham hoai hoang hoani hodan hohepa hollis honore hortense hortensia
hua huda huey huguette huia huiling humphrey hussain hussam huw huy hye hyejin hyunjin hyunwoo hywel iain idalia idris
iestyn ieuan ifan ifrah ignace ihaia ikaika ikenna iliana imani imogen imran inday indi innes inocencio ioana ioane
iolana iolo iona iosefa irfan irvin isaias isamu isela ishaan ishbel isiah isidore isidoro isla islwyn ismail isobel
issy itzayana itzel iva ivanna ivette ivon ivonne ivor iwan izzi izzie izzy jabari jace jacinda jacinta jaclyn jacobo
jacqui jada jaden jadon jadyn jaehyun jaelyn jaelynn jagdish jahangir jai jaida jaiden jaidyn jairo jaleel jalen jalil
jalisa jalynn jamaal jamari jameela jamel jamesha jami jamia jamil jamila jamilah jamison jana janae janay janeen
janiece janiya janna jannie jaquan jaquana jaquelin jaqueline jaquez jarell jarlath jarrett jarrod jarryd jas jase
jasmeet jasmyn jaspreet jaswinder javaris javion javon jaxon jaxson jaxton jayce jayda jayde jayden jayla jaylen
jaylin jaylon jaylynn jayson jaz jazlyn jazlynn jazmin jazmine jeanclaude jeanfrancois jeanguy jeanine jeanluc
jeanmarc jeannine jeanpaul jeanphilippe jeanpierre jeansebastien jeb jedda jeffery jeison jemima jen jenae jenelyn
jenn jenna jenni jensen jenson jerell jeremie jeri jericho jermaine jeronimo jerri jerwin jessenia jessy jethro jett
jevon jewell jez jezza jhoanna jhon jhonny jiahui jiayi jide jie jieun jihye jimbo jimena jin jinho jisoo jiwoo jiyeon
jiyoung jocelyne jodi jodie johan johanne johnathan johnjoe johnnie johnno jojo jolene jomar jonah jonalyn jonathon
jonelle joni jonno jonny jorden jordyn jorja josaphat josee josette josiah josianne joslyn josue journee jovani judah
julien juliette julissa jungkook junho junjie junjun junko justus juwan jye jyoti kadeem kaden kadence kaelyn kahu
kahukura kahurangi kai kaia kaiden kailani kailash kailey kaimana kait kaitie kaitlin kaitlyn kaito kaiya kalani kaleb
kaleigh kalena kaleo kalie kalinda kalisha kamal kamalei kamden kameron kamilah kamran kamryn kanani kandi kandy kane
kanesha kang kanoa kapena kapono kara karan kareem karina karine karter karyn kasey kash kasia kassandra kassidy
katelyn katelynn kateri kath katheryn katina katlyn katya kaulana kavya kawika kaya kayden kayla kaylee kayleigh
kaylie kaylin kaz kazuko kazza keahi keala kealii kealoha keandra keanu keaton keegan keela keelan keenan kehinde
kehlani keira keiran keisha kekoa kelechi kellan kelley kelsey kelsie kemi kenia kenichi kenisha kenley kenna kennedi
kenny kenyatta kenyetta kenyon kenzie kenzo keola keon keona keoni keosha kereama keri kerrie kerryn kesha keshawn
keshia keshon kev kevvy keyana keyon keyona keyonna keyshawn khalil khanh khloe khoa kian kiana kianna kiara kiele
kiera kieron kierra kiesha kieu kiki kilian killian kimani kimber kimberlee kimi kimmie kimmy kinley kinsley kiona
kira kiran kiri kirra kirsteen kirstie kirstin kirsty kisha kishore kiyana kiyoshi kizzy kloe knox kobi koby koda koji
kojo kolya kordell kori kortney kourtney kristian kristopher krystal krystina kuldeep kunal kwaku kwasi kye kyla kyler
kylie kynlee kyra kyrie kyungsoo lachie lachlan ladarius ladonna lagi lailah lainey laith lakeisha lakendra lakesha
lakeshia lakisha lalit lamar lamarcus lamont lamonte lanakila lancelot landon landyn laney lani lanie lanita laoise
laquanda laquisha laquita lars lashanda lashawn lashay lashonda latanya latasha latavia lateefah latisha latonya
latoria latosha latrice latricia latrisha laure laurent lauri lauro lauryn lavell lavette lavinia lavita lavonda
lavonne lawanda lawson layan layne leandre leanna lebron leidy leigh leighton leilani leinani lekisha lelia leni
lennon lenny leobardo leopoldo lesa lesley lesly leta leticia letitia letrice lettice lewie lexa lexie lexy leydi
leyla liang libbie liborio lidia lieselotte liezl lilah lilia liliana liliane lilliana lillie linnie lise liseth
lisette lissa lissy lito liza lizbeth lizeth lizette lizzy lleucu llewelyn llyr lochlainn lochlan lokelani londyn lora
lorcan lorelai loren lorie losaline losana lowanna lowri lubna lucero lucienne lucila lucile lucio lucius lughaidh
luka luna lupe lupita luz lyla lynne lynnette maaka mable macario macdara macie mackenzie macsen maddie maddison
maddox maddy madeleine madelyn madhu madilyn madisyn madonna madyson maeva magali maha mahealani mahendra mahesh
mahina maia maile maira maire mairenn mairi mairin mairtin mairwen maisha maisie majella majid makana makareta makayla
makeda makenna makenzie makoa malachy malakai maleah maleko malia maliah malik malinda maliyah malka malu manaia mandi
mandie manisha manjit manoj manpreet manu manus maraea marama marbella marcandre marcantoine marcelino marci marcial
marciano marcie marcio mared marely margarito margaux margret mari mariah mariana maricar maricarmen maricel maricruz
mariechantal marieclaude marieeve mariejosee mariela marielaine marielena mariella marielle mariepier mariluz marisela
marisol marites maritza marius marivic marlee marlen marley marli marlowe marmaduke marnie marquan marquel marquell
marquetta marquez marquita marthe maryam masaru masha mathieu mathis mathuin matiu matty maximiliano maximino maximo
maynor mayra mayrin mayte mayumi mazen mazie mckayla mckenna mckenzie meabh meadhbh meagan meaghan medwyn meera meggie
meggy mei meihua meiling meinir meirion melchor mele meleri melisa mellie melodie melva menachem menna mereana mererid
meri mervyn meurig mhairi micaela micheal michel micheline micky migdalia mihir mijin mikaela mikaere mikayla mikey
mila milana milani milla milly mimi minjun minseo mio mireya mirna mirrin misha mitzi miyu moana moe mohamud moira
moises monet monserrat montague montel montell montez montrell monty morag mordechai morfydd morven morwenna mosese
mossie muireann muiris muirne mukesh mukta murchadh murdo murielle musa mya myla mylene mynor myriam myron nadim
nahomi nainoa nakia nakisha nakita nala nalani nallely nandini naoise narelle naresh nashira nasir nasreen natalee
nataly nate nathaly natividad navdeep naveen navin nayeli nazaire nazario nazia neasa neasan neelam neha nehemiah
nelda nelida nell nemesio nereida nerida nerys nessa nessie nestor neva nevaeh nga ngahuia ngaio ngaire nhung niall
nichelle nicky nico nicolette nidia niesha nikau nikhil niki nikky niko nikora nikos nilesh nimo ning ninoy nita nitin
niya nizhoni nneka noa nobuko noe noelani noeleen noelene noeline noemi nohea nohemi noirin nona nonoy noor norah
norberta norberto normand normande norrie nour novah nuala nunzio nyah nyasia nyesha nyla oaklee oakley oaklyn oaklynn
oanh obdulia oceane odalis odalys odhran odin ofa ola olawale olivier ollie olly olumide oluwadamilola olwen omari
onesime onofre onyeka oonagh oran orfhlaith oriane orion orlaith osama osian osiel otilia ovide owain ozzie packie
padma padraic padraigin paige pallavi panagiota pancho pania pankaj pantaleon paolo paora paramjit parth parvati
parveen pascual patrina patti paulina pauric paxton payton peadar pearse peggie peig pennie pepe perlita perrine petey
peyton philias philippe phong piaras pierreluc pierrette pippa piripi placide pono porfirio prasad preeti presley
preston priyanka proinnsias proinsias pua qing quanisha quiana quinn quintella quique quoc rabbie rachelle radha
raegan raekwon raelene raelyn raelynn rafal raheem rahera rahim rahsaan raiden rajan rajendra rajinder rajiv rajni
rakim ramil ramone rana randal rangi ranjit raphaelle rasha rashaad rashad rashawn rasheed rasheeda rashida rashmi
rashon rashonda raul rawan rawiri raymonde raymundo rayna raynald raynell rayshawn razan reagan rebeca reem reese
reggie reina reine rejean rejeanne rekha remy renaud renita reshma rewi reyes reymundo reyna rhett rhian rhianna
rhiannon rhodri rhona rhonwen rhoswen rhun rhydian rhys riain rian richie riki riku rileigh riley rionach risteard
ritchie ritu rivka robbo robby roch rodolphe rodrigue rogerio rohan rolande rolando rollie rolly romane rommel rona
ronaldo ronda rondell rongo roni rony ropata rory rosaire rosalinda rosalio rosamund rosanne rosaura roseann roselyn
rosemarie rosemonde rosendo roshanda roshawn rowen rowland roxana roxane roxanna royce roz ruadhan ruaidhri ruairi
ruairidh ruaraidh ruaridh ruben rubi rubina rufina rufino rui ruiha rukhsana ruoxi rupa rupinder ryann ryder ryker
rylan rylee ryleigh ryo sabino sachin sadbh sade sadhbh sadia sagal sahra saige saira sajid sakari sakura salome
salote samanta samara sameer samer samina samira sammi sammie sana sandeep sandi sangwoo sanjeev sanjiv sanne santino
santonio santos sarai sarit sasha satish saundra savanah saylor sayra scarlett seanan seanie sebastien secundino seema
sefa sefo segolene segun seini sela selene semisi senan senga seojin seojun seonaid seosamh seoyeon septimus seren
sergey setanta setsuko seun seungho severino shabana shadi shae shahid shakia shakira shalanda shalonda shamar shamara
shameeka shameka shamel shamika shamim shan shanae shanay shanda shaneka shanelle shanequa shania shanice shaniece
shanika shaniqua shanise shanita shaniya shankar shanna shanta shantae shantay shante shantel shantelle shaq shaquana
shaquanda shaquille shaquita sharee sharika sharmila sharni sharonda sharron shatara shateria shaun shavon shavonne
shawanda shawna shawnell shawnta shayla shaylee shayna shaz shazia shazza shea shekinah shemar shemeka shenita sheree
shereen sherika sherise sherita sherree sheryl shevon shiloh shilpa shobha shona shonagh shonda shondra shonna shonta
shontae shonte shoshana shyann shyanne shyla sian siani siaosi siddharth sile silvestre simran sina siofra sion sione
sioned siosaia sitani siwan siyu skye skylar skyler sloane smita sneha sonal sondra sooah soojin sooyoung sorcha sota
sotero spiros staci stan stef steffi stefon steph stephane stephie stevie stevo struan stu sudha sudhir sujata sukey
sukhwinder sukie sulien sumit sunghee sungmin sunmi supriya surinder susanna sushila susi susie susumu sutton suze
suzie suzy syd sylvette sylviane sylvio tabatha tadashi tadeo taehyung tahlia tahnee taisha taiwo takoda talia taliah
taliesin taliyah tallulah tama tamatea tamati tameeka tameika tameka tamekia tamera tami tamia tamihana tamiko tamisha
tammi tammie tamra tamsin tane taneisha taneka tanesha tania tanika tanisha tanishia taniya tanvi taquan tarek tarni
tarun taryn tash tasha tashara tashina taslima tatiane tatianna taurean tavaris tavita tavon tawana tawanda tawhai
tayla taylah tayler taylor teagan tegan tegid teleri temitope teneisha tenisha teodora terell terence teri terrell
terrie tess tessa tessie tevin tevita tez thais thalia theophile therese thommo thuong thuy tiana tianna tiarna
tiarnan tiburcio tien tiera tiernan tierney tierra tiesha tiffany tilly timmy tinsley tioti tipene tirion tisha tobin
tomeka tomika tommie tommo tomos tonia tonisha tonja torquil toshiko toya toyin traci tracie tranquilino travon
trayvon treasa tremaine tremayne tremell trenice trent trev trevell trevion trevon tricia trinh triona trish trisha
tristan tristen trudie truman trung trystan tudor tully tunde tupou turlough tushar tuyen tuyet twana twila tyce
tyeisha tyesha tyeshia tyisha tynisha tyquan tyra tyree tyreek tyrell tyrese tyrik tyriq tyrique tyshawn tyson tzipora
tzvi ubah ubaldo uche uday ulises ulric ultan una uriel uyen vaea valarie valda valencia valente valentino valmore
vance vandana varun vashon vasilis vaughan veronique vianey vidya viet vihaan vikas vikki vikrant viliami vinay vinh
vinny violaine violetta virgilio virginie vishal vitoria viv vivaan vivi viviana vonda vonnie vonte voula wael
waimarie waqar wardell warrick warwick wasim waylon weiming wenceslao wendi wenona wes westin whetu whitney wikitoria
wilber wilda wilf wilfrid wilmer wim winona wiremu wullie wyn wynn wynne wynona wynter wystan xander xia xiang xiao
xiaohong xiaoli xiaoyan ximena xin xinyi xiomara xiu xochitl xuan xzavier yaakov yadira yahaira yahir yajaira yamileth
yamini yanet yaneth yanling yannis yaquelin yareli yarely yaretzi yaritza yash yasmine yasser yasuo yazan yazmin yejin
yemi yesenia yesica yessenia yessica yetunde yifan yiming yitzchak yogesh yolaine yolande yolonda yomaira yonatan
yoonah yordi yosef yoselin yoshio yoshiro younghee youngho youngsoo yousef yovani yue yuhan yui yuji yuliana yulissa
yuliza yun yuna yuridia yuto yutong yvan yvon zac zach zacharie zachery zack zackary zackery zahra zaid zaiden zain
zaira zak zakiya zali zander zara zaria zariah zavion zayden zayn zeb zeinab zelma zena zenaida zenobia zenon zhi
zhihao zhiwei zhong zhuo ziad zion zixuan zoey zoie zoila zoraida zotique zubair zulema zuleyka zuri
`.split(/\s+/).filter((name) => name !== '');
