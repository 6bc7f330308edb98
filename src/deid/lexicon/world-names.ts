/**
 * Given names and surnames from outside the United States (Nordic, Finnish, German, Dutch, French, Italian,
 * Spanish, Portuguese, Polish, Czech, Russian and Ukrainian, Caucasian, South Slavic, Hungarian, Romanian, Greek,
 * Turkish, Arabic, Persian, Indian, Chinese, Japanese, Korean, Vietnamese, West African, Irish, Hebrew, Baltic and
 * Icelandic), written out for this project from general knowledge — not taken from any gold standard. Lower case,
 * in each language's spelling; lexicon/index.ts adds each name's form without diacritics too ("søren" and "soren").
 * Names of four letters or more only ("li", "kim", "ion" are words or abbreviations as often), and none that is also
 * a common English or clinical word or an eponym ("long", "gerd", "Weber test", "Roux-en-Y"): those would be taken
 * anywhere, as list names are (names.ts, rule 5). The US lists (first-names.ts, surnames.ts) stay the surrogates'.
 */
export const WORLD_GIVEN_NAMES: readonly string[] = `
aarav aase abdullah abebe abhishek achilleas adaeze adalbert adebayo adelheid adelina aditi adnan adolf adolfo
adrianna adrien afanasy afonso agata ágla agnese agnetha agnieszka agostinho agustín ahmad ahmet aikaterini aimée
aino aisha aisling aivars ajay akash akhmed akira aksel alain alcides alejandra aleksander aleksandra aleksei alenka
alessandra alessio alexandre alexandros alexandru alexei algirdas alicja alois alonso álvaro amara amedeo
amélie amilcar amina amira amit amparo anabel anaïs ananya anastasios anatoly anders andreas andreea andrei
andrej andrés andris andrzej angeliki aniela anker annalisa annegret anneli annelie anneliese annika anouk anselmo
ansgar antonella antoni antonios aoife apostolos araceli aranka arash arjun arkadiusz arkady armando arnaldo arnar
arnulf artem asbjørn asger aslan aslanbek asta astrid athanasios attila audrius aurélie aviva axel aylin ayodele
ayşe ayumi bahram baltazar baptiste bartek bartłomiej bartolomeu bastian beata beatriz bela benedetta benedikt
benedito bengt benoît bernd berthold bettina binh birger birgit birthe bjarki bjarne bjørn blandine blaženka bodil
bodo bogdan bogdana bogumiła bogusław bohumil bohuslav bojan borislav borka boštjan bożena bram branka branko
břetislav brigitte britt bronisław burak burkhard caetano camila candelaria caoimhe capucine cătălin caterina
cayetano cédric célestin cesare cezar cezary chantal chiamaka chiara chidi chinedu chinwe chiyo christophe
christos chul ciara ciaran cinzia claudio clémence clodagh conceição concepción constantin corentin corina cormac
corrado costel cristian cristiano cristóbal csaba custodio czesław daan dagny daisuke daiva dalibor daniela danuta
dario dariush dariusz darko davide davor davorin declan deepa deniz detlef devi dietmar dietrich dimitrios
diogo divya dmitri dmitry domenico domingos dominika donal donatella dorin dorota dorte dragan dragica
drago drahomíra dumitru dušan duško dzhokhar éamon ebba eberhard edeltraud edin edite edoardo édouard eduarda
edyta eero efraín efrat egle egon eiko eila eilif eimear einar eino ekkehard eleni elfriede eliezer elif elin elina
elisabetta elke éloïse elżbieta emanuel emanuele emeka émeline emilie émilien emilio emre encarnación enrique
enzo eoin erling ernst erzsébet esben eskil esperanza esra esteban estefania étienne ettore eugénie eugenio
evangelos evgenia evgeny ewelina eydís fabiana fabien fabio fabrice fabrizio farhad farid farida fatma fausto
federica felicja felisberto femke feng fenja ferenc fergal fernanda fernão filipa finja fionn fiorella florbela
florian folasade franciszek françois františek frede frédéric frida friedrich frode fumiko fyodor gabi gabor
gabriele gaëlle gaëtan ganesh gaspar geert geneviève gennady genowefa georgios gerda gerhard gernot gerrit gertrud
gheorghe ghislaine giacomo giada gianluca gianni girolamo gisela gita giulia giuliana giuliano giulio gökhan gonçalo
gopal goran gordana gorm gottfried graciela gráinne graziella grażyna grigory grzegorz guðmundur gudrun gudula
guillaume guillermo gundula gunhild gunnar gunnhildur günther gunvor guoqiang gwenaëlle györgy gyula hadas hakan
håkon halina halldór halvard halyna hanh hanne hanneke hannelore hannu hansjörg haoran haris harish
hartmut haruka haruki hedvig heide heike heikki heiko heinrich heitor hélène helle helmi helmut
helmuth hendrik henning henrik henrique henryka heriberto hermann hermenegildo herminia hervé hideo hieronim hieu
hilario hilde hiroko hjalmar holger horacio hrafn hrvoje hugues huong hüseyin hussein hyun ibragim ichiro
ifeoma ignacio ilaria ildikó ileana ilkka ilmari ilse ilya ilze imre indira ineke inese ingeborg ingemar inger ingo
ingvar inmaculada ioan ioannis iolanda ionuț irena irina irmgard isidro istvan ivana ivica iwona jaakko jacek
jadranka jadwiga jakub janez janina janis janne jannik jannis jános janusz jari jaromír jaroslav jarosław
jasmin jasna jaya jelena jelle jens jeong jeroen jérôme jerzy jesper jian jianguo jianhua jiho jihoon jimin
jindřich jing jiří joachim joão joaquim joaquín jochen jolanta joon joost jörg jørgen jorunn josefa josiane
josip jovan józef józsef juha jukka julián julianna jung jure jürgen jurgita juris jussi justyna kaarina kacper
kalevi kamil kamila kaori karel kari karim karlheinz karolina karsten kasper katalin katarzyna kateřina katja
katrine kavita kazimierz kazuo kees keiko kemal kenta kerstin khadija khalid kieran kimmo kinga kirill kirsi kirsten
kjeld kjell klaus knud knut kofi konrad konstantin konstantinos kostas krešimir kristine kristján kristoffer
krystyna krzysztof ksenia kwabena kwame kyoko kyung ladislav lætitia laila lajos larisa lasse lászló layla
leandro leena lenka lennart leonel leonie leonor leszek liam libor lieke liesel liga liisa linh lisbeth
ljiljana ljubica lothar lotte lourdes lovisa lubomír lucía lucian luciana luciano lucjan ludmila ludovic ludwik
luísa luiz lukas łukasz lumír lutz lyudmila maarit maarten maciej mădălina maëlle maeve magomed
mahmoud mairéad maja makoto maksim malene małgorzata manish manoel manon manuela marcelle marcello marcelo márcia
marcin marcos marek margarete margherita mariangela marija marijana marijke mariko maris mariusz marjatta marjo
markéta markku marko marlies marloes márta martine marzena masako masao massimo matej mateusz matheus mathias
mathilde matías matteo matti mauricio maurizio maxime meena mehdi meike mette michał michela michiko mieczysław
mieke mihaela mihai mikael mikhail mikkel mikko miklos milada milagros miljenko mindaugas ming minh minho
minji minna minoru mircea mireille mirella mirjana miroslav mirosław mirosława mirsad mladen mohammad mohan
mojca monika montserrat morten moshe murat mustafa mykhailo mykola nabil nadezhda nandor nanna naoki naoko
natalya nathalie nedim nejc nenad nevenka ngoc ngozi nguyet niamh nicanor nicola nicolae niels nikita nikolaos nils
nisha nkechi noelia noémie noora noriko noud nuno obinna octavio oddvar odette odile oisín oksana ólafur oleg
oleksandr oleksiy olli oluf oluwaseun ondřej oren orla orsolya ortwin osamu osvaldo otakar otávio ottavio outi
ovidiu özgür paavo pádraig päivi paloma panagiotis paola paraskevi parisa pascale patrice patricio patrizia
paulo pavel pavla paweł pekka pentti pernille petr petro petru phuong pieter pietro piotr pirjo
pooja poul pradeep prakash preben predrag přemysl primož przemysław pyotr qiang quang radek radim radka radosław
radovan radu raffaele ragnar ragnhild raija raimo raimonds raimundo rajesh rakesh ramesh ramiro ramón ramzan randi
rania raphaël rashid rasmus ratko régis reinaldo reinhard reinhold reinier remedios rémi renan renata renate renato
reza riccardo rigmor riitta risto rocío rodrigo rohit róisín rolf romain ronan rosalba rosangela rosaria
roswitha rüdiger rudolf runa ruslan ruslana ruta rutger ruud ryota ryszard sabine sachiko salma sami samir
sándor sandrine sanela sanja sanna saoirse sarita saskia satoshi satu sebastião selin semyon senad seok
seppo serhiy serkan seung séverine shamil shanti shigeru shinji shira shirin shlomo shreya siegfried sieglinde
sigrid sigríður sigrun sigurd sigve silke silvana silvio simona sinéad siobhan sirpa sjoerd slavko sławomir snježana
socorro solange soledad solveig sølvi soraya søren špela spyridon stanislav stanisław stavros steen
stefania stefano steffen stian stig stjepan sune sunita suresh svatopluk svein sveinn sven svend sverre swati
sylvain sylwia synnøve szilvia szymon tadej tadeusz tadhg taisto takashi takeshi tamar tamás tapani tapio taras
tariq tarja tatyana teemu tendai teodor teodoro tereza terje tero tetsuya thandiwe thanh thao thea theodoros
thiago thibault thierry thijs thilo þórdís thorkild thorsten tibor timo timoteo timur tiziana tjeerd tomás
tomasz tomislav tommaso tomoko torben torsten tove traian trang trond tuan tuğba tuomas turid
tuula tuulikki uğur ulla unni urho urška urszula usha usman václav vadim valentín valentina valérie valery vasco
vasile vasileios vasily vegard veikko vesna vibeke vicente vidar viggo vikram viktor ville vincenzo vinicius vinod
viorel viorica vitaly vittoria vittorio vladislav vlasta vojtěch volker volodymyr vyacheslav vytautas walid waltraud
werner wiebke wiesław wiktor wiktoria wilfried wilhelm willem witold władysław wojciech wolfgang wouter
xiaoling xiaoming yael yannick yaroslav yaroslava yehuda yekaterina yelena yeon yevgeny yiannis yitzhak ylva yoko
yong yoshiko youssef yuko yulia yumi yuri yusuke yuxuan yves zacarías zainab zane zanele zaur zbigniew zdeněk zdenka
zdravko zdzisław željko zeynep zhen žiga zihan zinaida zofia zoltan zoran zrinka zsófia zsuzsa zulmira zuzana
zygmunt
`.trim().split(/\s+/);

export const WORLD_SURNAMES: readonly string[] = `
aaltonen abdullah abramov adamczyk adeyemi afolabi agarwal ahmadi ahonen aksoy al-amin alekseev almeida alves
andersson andreev angelis antonov anttila araujo arslan asante axelsson aydin azevedo babic baek bagaev bakke bakker
balogh balogun banerjee baran barbosa barros bartos batista bellini belov benedetti benes berge bergstrom bertrand
berzins bhatt bjerke blaha blanc blanco blomqvist boateng boer bogdanov bondarenko borges borisov bosch
bosman bouvier boyko bozic braun brouwer busch calderon carrasco carvalho cattaneo cavalcanti celik cerny chauvin
choi chopra chukwu cisneros coelho constantinescu contreras coppola correia cortes czarnecki d'amico
dahlberg dahle danielsson dekker delacroix demir desai descamps dietrich dijkstra djuric doan dogan
dolezal dominguez dudaev dudek dufour dumitrescu duong durand dvorak egorov ekstrom el-amin engel
engstrom erdogan eriksen eriksson farias farkas faure fedorov fernandes fiala figueiredo filippov
forsberg francois frandsen franke fredriksson freitas friedrich frolov fuentes fujii fujita fukuda galli
garnier garrido gautier georgescu giraud gomes goncalves gorski grabowski graf grasso gregersen guimaraes gunther
gusev gustafsson haddad hadzic hagen hajek hakkinen halvorsen hamalainen hamdan hasegawa haugen haugland
hayashi hedberg hedlund heikkinen heinonen heinrich hendriks henriksen herrmann hiltunen hodzic hofmann
holmberg horak horvat hosseini hovland huang ibarra ikeda ilic inoue ioannou ionescu isaksson ishii
ishikawa ivanov iversen jager jain jakobsen jakobsson jang jankauskas jarvinen jasinski jelinek jeon jeppesen
jimenez johannessen johansen johansson jonsson joshi jovanovic juhasz jung juric kaczmarek kadyrov
kallio kalnins kang kapoor karagiannis karimi karjalainen karlsson kaya kazlauskas khalil khanna khoury kilic
kinnunen kiselev knezevic kolar kondo konig konstantinou korhonen koskinen koster kovac kovacevic kovalenko
kovalev kowalewski kozicki kozlov krajnc kral kranjc kratochvil kravchenko krawczyk kristensen kristiansen kucera
kuipers kuznetsov kwiatkowski kwon laaksonen lahtinen laine lakatos laurent lauridsen lebedev leclerc
legrand lehtonen leinonen leung liang lindberg lindgren lindner lindqvist ljungberg
longo lozano lukic luna lund lundberg lundqvist maas magalhaes magnusson magomedov maier
majewski makarov makinen maldonado malinowski mansour marek marin marinescu marjanovic markovic marquez
matic matsumoto mattila mattsson mazur medvedev mehmedovic meijer melnyk menon mensah
messina meszaros michalski michel miettinen mikhailov mikkelsen mishra mitrovic mizrahi moen mohammadi moldovan
moller molnar monteiro monti montoya moreau moreira moroz morozov mortensen moura mulder munteanu
murakami myhre nagel nagy nair nakano nascimento nasser nemec nemeth neri neumann nieminen nikitin nikolaev
nikolaidis nikolic nilsen nilsson nishimura nistor nogueira nordby nordstrom novikov novotny nowakowski nwosu nyberg
nygaard o'reilly o'sullivan ogawa oikonomou ojala okada okafor okeke okonkwo olah olawale olesen oliynyk olsson
olszewski onyeka orlov orozco owusu ozolins ozturk pandey papadakis pappas pascual pavlenko pavlovic
pawlak pawlowski pedersen peeters peixoto pellegrino pereira perrin persson petrauskas petrov petrovic pettersen
pettersson pfeiffer phan pillai piotrowski pohl pokorny polat popa popescu popov popovic pospisil postma potocnik
poulsen prins prochazka queiroz quintero radic radu rahimi rantanen rasmussen renard rezaei ribeiro richter
rinaldi ritter rocha rojas rolland romanov rousseau roussel rubio ruiz ruzicka sadeghi saez sahin saito sakamoto
sala saleh salinas salminen salonen sandberg sandvik santana sanz sasaki sauer savchenko saxena sayed schafer scharf
schmitt scholten scholz schouten schreiber schroder schubert schulte schulz schulze schuster schwarz
sedlacek seidel seifert semenov sergeev serra serrano shevchenko shimizu sikora silvestri simek simic sinha sjoberg
smirnov smits sobczak soderberg sokolov solberg solovyov sommer sousa srinivasan stan stepanov stepien
stoica stojanovic stromberg suarez sundqvist svendsen svensson svoboda szabo szczepanski szewczyk szucs takacs
tangen tarasov tavares thiel thomsen thygesen titov tkachenko tomaszewski tomic toth trinh trivedi truong tsai tudor
tuominen turunen ulrich umarov valentini varga vasiliev vass vasseur vazquez veenstra velasco verbeek verhoeven
verma vermeulen vesely vestergaard villanueva vink virtanen visser vlachos vogel vogt voigt volkov vorobyov
vukovic walczak wallin wendt werner wieczorek wijnands willems winkler wirth witkowski wouters wozniak wrobel
yakovlev yamada yamaguchi yildirim yildiz yilmaz yoon yoshida zaitsev zajac zakharov zamora zeman zhao zhou ziegler
zimmermann zoric zupan zwart
`.trim().split(/\s+/);
