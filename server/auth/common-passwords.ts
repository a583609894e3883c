/**
 * The passwords people choose most, from the public breach lists' top entries (SecLists'
 * most-common, NordPass and Have I Been Pwned tops) plus what Spanish speakers in
 * Argentina use; only those of 8 characters or more, since shorter ones are refused anyway.
 * Compared lower-cased, after sequences and repeats are ruled out by rule (password-policy).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
password password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword pa55word
12345678 123456789 1234567890 12345678910 0123456789 987654321 9876543210 87654321 11111111
00000000 88888888 12341234 11223344 12121212 123123123 1234qwer qwer1234 1q2w3e4r 1q2w3e4r5t
1qaz2wsx 2wsx3edc zaq12wsx zaq1zaq1 qazwsxedc qwertyui qwertyuiop qwerty12 qwerty123 qwerty1234
asdfghjk asdfghjkl zxcvbnm1 zxcvbnm123 asdf1234 abcd1234 abc12345 abcdefgh 1234abcd a1b2c3d4
iloveyou iloveyou1 iloveyou2 princess princess1 sunshine sunshine1 football football1
baseball baseball1 basketball superman batman123 starwars whatever trustno1 welcome1
welcome123 letmein1 letmein123 master123 monkey123 dragon123 shadow123 michael1 jennifer
jordan23 charlie1 computer internet samsung1 samsung123 google123 facebook instagram
changeme changeme1 administrator admin123 admin1234 adminadmin root1234 test1234 testtest
guest123 user1234 default1 secret123 mypassword letmeinnow hello123 hello1234 helloworld
loveyou1 lovelove qwerty11 aaaaaaaa 1111111111 00000000000 999999999 55555555 77777777
minecraft pokemon1 naruto123 liverpool chelsea1 arsenal1 barcelona realmadrid
contraseña contrasena contraseña1 contrasena1 contraseña123 contrasena123 clave123 clave1234
miclave1 micontraseña micontrasena hola1234 hola12345 holamundo holahola teamo123 teamomucho
tequiero tequiero1 tequieromucho amorcito amormio1 mariposa princesa princesa1 corazon1
argentina argentina1 argentina123 argentina10 mendoza1 mendoza123 godoycruz godoycruz1
bocajuniors boca1234 bocajrs1 riverplate river1234 riverplate1 sanlorenzo independiente
racingclub huracan1 talleres belgrano messi123 messi1010 maradona maradona10 diego10
futbol123 mariana1 florencia valentina camila123 martina1 sofia123 lucas123 santiago
matias123 nicolas1 federico gonzalez rodriguez fernandez lopez123 martinez garcia123
familia1 familia123 felicidad esperanza libertad america1 estrella bienvenido
mercedes sebastian alejandro gabriela victoria patricia 1234567a a1234567 12345678a
aa123456 123456aa qwe12345 123qweasd qweasdzxc 1qazxsw2 q1w2e3r4 q1w2e3r4t5 zxcvbnma
sac12345 alerta123 alertacomunitaria demo1234 vecino123 vecino1234 municipalidad
`
    .split(/\s+/)
    .filter(Boolean),
);
